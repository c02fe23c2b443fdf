package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.ChildPortflow;
import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.Namespace;
import io.portflow.cli.fixtures.VethPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way {@code watch} (and {@code interfaces}) can fail before capturing: one line on standard
 * error, exact, and the documented exit code. Usage mistakes run in this JVM; the rest in a child
 * JVM in a namespace of its own (so the interface list is known: {@code lo} and {@code any}), with
 * capabilities dropped, or pointed at a libpcap that does not exist.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchErrorsTest {
  private static final String LIBPCAP_MISSING = "portflow: libpcap is not installed; live capture needs it"
      + " (Debian/Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap)\n";

  @TempDir Path dir;

  @Test
  void help_listsEveryOptionAndTheExitCodes() {
    Run run = Run.of("watch", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"-i, --interface=IFACE", "--filter=EXPR", "--snaplen=BYTES",
        "--[no-]promisc", "--[no-]immediate", "--buffer-size=SIZE", "--write=FILE", "--duration=SECONDS",
        "--count=PACKETS", "--format=FORMAT", "--sort=KEY", "--top=N", "--color=WHEN", "--transport=LIST",
        "--ephemeral-range=LO-HI", "--debug", "5   permission denied for live capture",
        "6   libpcap is needed (--filter, --reader libpcap, live capture) but not", "sudo portflow watch -i eth0"}) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
  }

  @Test
  void missingInterface_usageError() {
    assertUsageError("portflow: Missing required option: '--interface=IFACE'", "watch");
  }

  @Test
  void emptyInterfaceName_usageError() {
    Run run = Run.of("watch", "-i", "");
    assertEquals(2, run.exitCode());
    assertEquals("portflow: invalid interface name: \"\" (expected: a device name such as eth0)\n", run.err());
  }

  @Test
  void badNumbers_usageErrors() {
    assertUsageError("portflow: Invalid value for option '--duration': '0' "
        + "(expected: seconds, more than 0, e.g. 30 or 0.5)", "watch", "-i", "lo", "--duration", "0");
    assertUsageError("portflow: Invalid value for option '--duration': 'soon' "
        + "(expected: seconds, more than 0, e.g. 30 or 0.5)", "watch", "-i", "lo", "--duration", "soon");
    assertUsageError("portflow: Invalid value for option '--count': '-5' "
        + "(expected: a whole number of 1 or more)", "watch", "-i", "lo", "--count", "-5");
    assertUsageError("portflow: Invalid value for option '--snaplen': '0' "
        + "(expected: a whole number of 1 or more)", "watch", "-i", "lo", "--snaplen", "0");
    assertUsageError("portflow: Invalid value for option '--buffer-size': '64X' "
        + "(expected: a size such as 64M, 512K or 1048576 bytes, under 2G)", "watch", "-i", "lo",
        "--buffer-size", "64X");
    assertUsageError("portflow: Invalid value for option '--buffer-size': '2G' "
        + "(expected: a size such as 64M, 512K or 1048576 bytes, under 2G)", "watch", "-i", "lo",
        "--buffer-size", "2G");
  }

  @Test
  void noSuchInterface_listsTheOnesThereAre() throws Exception {
    Result r = inNamespace(true, "watch", "-i", "eth9");
    assertEquals("portflow: no such interface: eth9 (interfaces here: lo, any; see portflow interfaces)\n", r.err);
    assertEquals(3, r.exitCode);
  }

  @Test
  void interfaceDown_saysHowToBringItUp() throws Exception {
    Result r = inNamespace(false, "watch", "-i", "lo");
    assertEquals("portflow: interface lo is down: bring it up first (ip link set lo up)\n", r.err);
    assertEquals(3, r.exitCode);
  }

  @Test
  void badFilter_libpcapsReasonAndTheExpression() throws Exception {
    Result r = inNamespace(true, "watch", "-i", "lo", "--filter", "tcp prot 80");
    assertEquals("portflow: bad filter \"tcp prot 80\": can't parse filter expression: syntax error\n", r.err);
    assertEquals(2, r.exitCode);
  }

  @Test
  void unwritablePcapFile_namesTheFile() throws Exception {
    Path file = dir.resolve("no-such-dir").resolve("out.pcap");
    Result r = inNamespace(true, "watch", "-i", "lo", "--write", file.toString());
    assertEquals("portflow: cannot create " + file + ": no such file or directory\n", r.err);
    assertEquals(3, r.exitCode);
  }

  @Test
  void withoutCapabilities_permissionDeniedSaysSudoOrSetcap() throws Exception {
    assumeNamespacesAndTool("capsh");
    List<String> cmd = new ArrayList<>(List.of("capsh", "--drop=cap_net_raw,cap_net_admin", "--", "-c",
        "exec \"$0\" \"$@\""));
    cmd.addAll(ChildPortflow.command(null, List.of(), "watch", "-i", "lo"));
    Result r = Result.of(ChildPortflow.start(dir, cmd));
    String java = Path.of(ChildPortflow.javaBinary()).toRealPath().toString();
    assertEquals("portflow: permission denied capturing on lo: run with sudo, or grant the capabilities with"
        + " sudo setcap cap_net_raw,cap_net_admin=eip " + java + " (README: capture without sudo)\n", r.err);
    assertEquals(5, r.exitCode);
  }

  @Test
  void withoutLibpcap_watchAndInterfacesSayHowToInstallIt() throws Exception {
    List<String> noLibpcap = List.of("-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8");
    Result watch = Result.of(ChildPortflow.start(dir, null, noLibpcap, "watch", "-i", "lo"));
    assertEquals(LIBPCAP_MISSING, watch.err);
    assertEquals(6, watch.exitCode);
    Result interfaces = Result.of(ChildPortflow.start(dir, null, noLibpcap, "interfaces"));
    assertEquals(LIBPCAP_MISSING, interfaces.err);
    assertEquals(6, interfaces.exitCode);
    assertEquals("", interfaces.out);
  }

  private record Result(int exitCode, String out, String err) {
    static Result of(ChildPortflow child) throws Exception {
      try (child) {
        int code = child.waitFor(Duration.ofSeconds(60));
        return new Result(code, child.out(), child.err());
      }
    }
  }

  /** In a namespace of its own, {@code lo} up or down. */
  private Result inNamespace(boolean loUp, String... args) throws Exception {
    Host.assumeNamespaces();
    try (Namespace ns = new Namespace("err")) {
      if (!loUp) VethPair.run("ip", "-n", ns.name, "link", "set", "lo", "down");
      return Result.of(ChildPortflow.start(dir, ns.name, List.of(), args));
    }
  }

  private static void assumeNamespacesAndTool(String tool) {
    Host.assumeNamespaces();
    Host.assumeTools(tool);
  }

  private static void assertUsageError(String message, String... args) {
    Run run = Run.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(message + "\nTry 'portflow watch --help' for more information.\n", run.err());
    assertEquals("", run.out());
  }
}
