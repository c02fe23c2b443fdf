package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.ChildPortflow;
import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.Namespace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portflow watch -i lo} on a real pseudo-terminal (tmux), in a namespace of its own where a
 * client keeps talking to a server: the live view shows the open flow with both local processes,
 * redraws as packets arrive, and on Ctrl-C leaves the alternate screen, prints the flows and the
 * final counts, and exits 0.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchTerminalTest {
  private static final Pattern PACKETS = Pattern.compile("packets (\\d+) \\(");

  private static final String SERVER = String.join("\n",
      "import os, socket, sys",
      "s = socket.socket()",
      "s.bind(('127.0.0.1', 8080))",
      "s.listen()",
      "print(os.getpid(), flush=True)",
      "c, _ = s.accept()",
      "while c.recv(65536): pass");

  private static final String CLIENT = String.join("\n",
      "import os, socket, sys, time",
      "c = socket.create_connection(('127.0.0.1', 8080))",
      "print(os.getpid(), flush=True)",
      "while True:",
      "    c.sendall(b'x' * 1000)",
      "    time.sleep(0.05)");

  @TempDir Path dir;
  private final String tmux = "pfwatch-" + ProcessHandle.current().pid();
  private Namespace ns;

  @BeforeEach
  void requirements() throws Exception {
    Host.assumeNamespaces();
    Host.assumeTools("tmux", "python3");
    ns = new Namespace("screen");
  }

  @AfterEach
  void cleanup() throws Exception {
    run("tmux", "-L", tmux, "kill-server");
    if (ns != null) ns.close();
  }

  @Test
  void drawsProcessesRedrawsAndExitsCleanlyOnCtrlC() throws Exception {
    Path exit = dir.resolve("exit");
    // --duration only ends a watch this test left behind (a killed test JVM): Ctrl-C stops it first.
    // (Not timeout(1): it would pass the terminal's SIGINT on, and a second SIGINT exits at once.)
    String command = ChildPortflow.command(ns.name, List.of(), "watch", "-i", "lo", "--duration", "170").stream()
        .map(WatchTerminalTest::quote).collect(Collectors.joining(" ")) + "; echo $? > " + exit + "; sleep 60";
    assertEquals(0, run("tmux", "-L", tmux, "new-session", "-d", "-s", "watch", "-x", "160", "-y", "30", command));
    waitFor(() -> screen().contains("(Ctrl-C stops)") ? "" : null, 30_000);

    Process server = ns.process("python3", "-c", SERVER).start();
    Process client = null;
    try {
      long serverPid = Long.parseLong(firstLine(server));
      client = ns.process("python3", "-c", CLIENT).start();
      long clientPid = Long.parseLong(firstLine(client));
      String expected = "python3/" + clientPid + " -> python3/" + serverPid + " (root)";
      String shown = waitFor(() -> screen().contains(expected) ? screen() : null, 15_000);
      assertTrue(shown.contains("127.0.0.1:8080"), shown);
      long before = packets(shown);
      String later = waitFor(() -> packets(screen()) >= before + 10 ? screen() : null, 10_000);
      assertTrue(later.contains("portflow watch lo"), later);

      assertEquals(0, run("tmux", "-L", tmux, "send-keys", "-t", "watch", "C-c"));
      String code = waitFor(() -> Files.exists(exit) ? Files.readString(exit) : null, 20_000);
      assertEquals("0", code.strip(), "exit status after Ctrl-C:\n" + screen());
    } finally {
      server.destroyForcibly();
      if (client != null) client.destroyForcibly();
    }
    String last = screen();
    assertFalse(last.contains("(Ctrl-C stops)"), "the alternate screen is gone:\n" + last);
    assertTrue(last.contains("portflow: watching lo (ethernet"), last);
    assertTrue(Pattern.compile("127\\.0\\.0\\.1:\\d+ +eph +127\\.0\\.0\\.1:8080 http-alt/reg").matcher(last).find(),
        "the flow in the table printed at the end:\n" + last);
    Matcher counts = Pattern.compile("portflow: lo: (\\d+) packets .* 1 flow; .*; stopped").matcher(last);
    assertTrue(counts.find(), last);
    assertTrue(Long.parseLong(counts.group(1)) >= 10, last);
  }

  private String screen() throws Exception {
    Process p = new ProcessBuilder("tmux", "-L", tmux, "capture-pane", "-p", "-J", "-t", "watch").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(5, TimeUnit.SECONDS);
    return out;
  }

  private interface Probe {
    String get() throws Exception;
  }

  /** Polls until {@code probe} gives a value; a loaded machine may take a while, a broken one never. */
  private String waitFor(Probe probe, long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      String value = probe.get();
      if (value != null) return value;
      Thread.sleep(100);
    }
    String value = probe.get();
    if (value == null) throw new AssertionError("timed out after " + millis + " ms; the screen:\n" + screen());
    return value;
  }

  private static long packets(String screen) {
    Matcher m = PACKETS.matcher(screen);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String firstLine(Process p) throws Exception {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static int run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(20, TimeUnit.SECONDS);
    return p.exitValue();
  }
}
