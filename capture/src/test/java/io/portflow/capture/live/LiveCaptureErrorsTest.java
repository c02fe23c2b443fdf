package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.libpcap.Libpcap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one-line errors a user sees, from real libpcap failures. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveCaptureErrorsTest {
  @TempDir Path dir;

  @Test
  void badFilterNamesTheExpressionAndLibpcapsReason() throws Exception {
    CaptureException e = openInFreshNamespace(LiveOptions.of("lo").withFilter("tcp prot 80"), true);
    assertEquals(Kind.BAD_FILTER, e.kind());
    assertTrue(e.getMessage().startsWith("bad filter \"tcp prot 80\": "), e.getMessage());
    assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void noSuchInterfaceListsTheOnesThereAre() throws Exception {
    CaptureException e = openInFreshNamespace(LiveOptions.of("pfnosuch0"), true);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertTrue(e.getMessage().startsWith("no such interface: pfnosuch0 (interfaces here: "), e.getMessage());
    assertTrue(e.getMessage().contains("lo"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void downInterfaceSaysHowToBringItUp() throws Exception {
    CaptureException e = openInFreshNamespace(LiveOptions.of("lo"), false);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals("interface lo is down: bring it up first (ip link set lo up)", e.getMessage());
  }

  @Test
  void missingCapabilitiesGiveThePermissionError() throws Exception {
    Privileges.assumeRoot();
    Privileges.assumeLibpcap();
    Privileges.assumeTool("capsh");
    List<String> cmd = new ArrayList<>(List.of("capsh", "--drop=cap_net_raw,cap_net_admin", "--", "-c",
        "exec \"$0\" \"$@\""));
    cmd.addAll(OpenProbe.command(List.of(), "lo"));
    String out = Commands.run(cmd.toArray(new String[0])).strip();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString();
    assertEquals("PERMISSION_DENIED|CaptureException|permission denied capturing on lo: run with sudo,"
        + " or grant the capabilities with sudo setcap cap_net_raw,cap_net_admin=eip " + java
        + " (README: capture without sudo)", out);
  }

  @Test
  void missingLibpcapSaysHowToInstallIt() throws Exception {
    List<String> cmd = OpenProbe.command(
        List.of("-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8"), "lo");
    String out = Commands.run(cmd.toArray(new String[0])).strip();
    assertEquals("LIBPCAP_MISSING|CaptureException|" + Libpcap.INSTALL_HINT, out);
  }

  @Test
  void unwritablePcapFileIsReportedWhenOpening() throws Exception {
    Path file = dir.resolve("missing-dir").resolve("out.pcap");
    CaptureException e = openInFreshNamespace(LiveOptions.of("lo").withWriteFile(file), true);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals("cannot create " + file + ": no such file or directory", e.getMessage());
  }

  /** Opens in a namespace of its own ({@code lo} up or down), expecting a failure. */
  private static CaptureException openInFreshNamespace(LiveOptions options, boolean loUp) throws Exception {
    Privileges.assumeNamespaces();
    try (Netns netns = new Netns()) {
      String ns = netns.create("err");
      if (!loUp) Commands.run("ip", "-n", ns, "link", "set", "lo", "down");
      try (NamespaceThread inNs = new NamespaceThread(ns)) {
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> inNs.submit(() -> LiveCapture.open(options)).get(10, TimeUnit.SECONDS).close());
        return assertInstanceOf(CaptureException.class, e.getCause());
      }
    }
  }

  private static void assertOneLine(Exception e) {
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

}
