package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live screen on a real pseudo-terminal (tmux), capturing on {@code lo} of a namespace of its
 * own: it draws, redraws as packets arrive, and on Ctrl-C leaves the alternate screen, prints its
 * last line and exits 0. Needs root, libpcap, tmux, ip and python3.
 */
class LiveScreenTerminalTest {
  private static final Pattern PACKETS = Pattern.compile("packets (\\d+) \\(");

  @TempDir Path dir;
  private final String tag = "pfscreen-" + ProcessHandle.current().pid();
  private boolean namespace;

  @BeforeEach
  void requirements() throws Exception {
    assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("Uid:\t0\t"), "needs root");
    for (String tool : new String[] {"tmux", "ip", "python3"}) {
      assumeTrue(run("sh", "-c", "command -v " + tool).exitValue() == 0, "needs " + tool);
    }
    assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libpcap.so.0.8"))
        || run("sh", "-c", "ldconfig -p | grep -q libpcap").exitValue() == 0, "needs libpcap");
    assumeTrue(run("ip", "netns", "add", tag).exitValue() == 0, "cannot create network namespaces here");
    namespace = true;
    check(run("ip", "-n", tag, "link", "set", "lo", "up"));
  }

  @AfterEach
  void cleanup() throws Exception {
    run("tmux", "-L", tag, "kill-server");
    if (namespace) run("ip", "netns", "del", tag);
  }

  @Test
  void drawsRedrawsAndExitsCleanlyOnCtrlC() throws Exception {
    Path exit = dir.resolve("exit");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "ip netns exec " + tag + " " + java + " -cp '" + System.getProperty("java.class.path") + "' "
        + LiveScreenProbe.class.getName() + " lo; echo $? > " + exit + "; sleep 60";
    check(run("tmux", "-L", tag, "new-session", "-d", "-s", "watch", "-x", "120", "-y", "30", command));

    String first = waitForScreen("portflow watch lo", 15_000);
    assertTrue(first.contains("CLIENT"), first);
    long before = packets(first);

    check(run("ip", "netns", "exec", tag, "python3", "-c", "import socket\n"
        + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        + "for i in range(20): s.sendto(b'x', ('127.0.0.1', 9999))"));
    String later = waitFor(() -> {
      String screen = screen();
      return packets(screen) >= before + 10 ? screen : null;
    }, 5_000);
    assertTrue(packets(later) >= before + 10, "the footer counts the datagrams:\n" + later);

    check(run("tmux", "-L", tag, "send-keys", "-t", "watch", "C-c"));
    String code = waitFor(() -> Files.exists(exit) ? read(exit) : null, 10_000);
    assertEquals("0", code.strip(), "exit status after Ctrl-C");
    String last = screen();
    assertFalse(last.contains("portflow watch lo"), "the alternate screen is gone:\n" + last);
    Matcher m = Pattern.compile("stopped: stopped, (\\d+) packets").matcher(last);
    assertTrue(m.find(), last);
    assertTrue(Long.parseLong(m.group(1)) >= 10, last);
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder("tmux", "-L", tag, "capture-pane", "-p", "-t", "watch").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(5, TimeUnit.SECONDS);
    return out;
  }

  private String waitForScreen(String text, long millis) throws Exception {
    return waitFor(() -> {
      String s = screen();
      return s.contains(text) ? s : null;
    }, millis);
  }

  private interface Probe {
    String get() throws Exception;
  }

  private static String waitFor(Probe probe, long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      String value = probe.get();
      if (value != null) return value;
      Thread.sleep(100);
    }
    String value = probe.get();
    if (value == null) throw new AssertionError("timed out after " + millis + " ms");
    return value;
  }

  private static long packets(String screen) {
    Matcher m = PACKETS.matcher(screen);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (Exception e) {
      return null;
    }
  }

  private static Process run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(20, TimeUnit.SECONDS);
    return p;
  }

  private static void check(Process p) {
    assertEquals(0, p.exitValue(), "command failed");
  }
}
