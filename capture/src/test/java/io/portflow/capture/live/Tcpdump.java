package io.portflow.capture.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tcpdump writing a nanosecond pcap in a namespace, as the reference for what the kernel
 * delivered: each packet written and flushed as it is read ({@code -U}, immediate mode), with a
 * 32 MiB ring ({@code -B}) so that 64 KiB GSO frames on veth do not overflow it on a busy machine.
 */
final class Tcpdump implements AutoCloseable {
  private static final Pattern DROPPED = Pattern.compile("^(\\d+) packets? dropped by kernel");

  private final Process process;
  private final Path file;
  private final List<String> messages;

  private Tcpdump(Process process, Path file, List<String> messages) {
    this.process = process;
    this.file = file;
    this.messages = messages;
  }

  /** Starts tcpdump and returns once it says it is listening. */
  static Tcpdump start(String ns, String iface, Path file, String filter) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-U", "--immediate-mode",
        "-B", "32768", "--time-stamp-precision=nano", "-w", file.toString()));
    if (filter != null) cmd.add(filter);
    Process p = Netns.processIn(ns, cmd.toArray(new String[0])).redirectErrorStream(true).start();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = err.readLine();
    if (line == null || !line.contains("listening on")) {
      p.destroyForcibly();
      throw new IOException("tcpdump did not start: " + line);
    }
    // Keep the rest (the "N packets captured" lines) and never let tcpdump block on a full pipe.
    List<String> messages = new CopyOnWriteArrayList<>();
    Thread drain = new Thread(() -> {
      try {
        for (String l = err.readLine(); l != null; l = err.readLine()) messages.add(l);
      } catch (IOException e) {
        // tcpdump ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new Tcpdump(p, file, messages);
  }

  /** What tcpdump has written so far (it flushes after each packet); a record cut short is left out. */
  List<TestPcap.Frame> framesSoFar() throws IOException {
    return TestPcap.read(file).frames();
  }

  /**
   * SIGTERM, after which tcpdump flushes, reports its counts and exits. Sent with kill(1):
   * {@link Process#destroy} would also close the pipe the report comes through.
   */
  void stop() throws IOException, InterruptedException {
    Commands.run("kill", "-TERM", Long.toString(process.pid()));
    if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IOException("tcpdump did not stop");
  }

  /** Packets the kernel dropped from tcpdump's ring, from its closing report; -1 before it said. */
  long droppedByKernel() throws InterruptedException {
    // The report reaches us through a pipe read by another thread: give it a moment.
    for (int i = 0; i < 100; i++) {
      for (String l : messages) {
        Matcher m = DROPPED.matcher(l);
        if (m.find()) return Long.parseLong(m.group(1));
      }
      Thread.sleep(20);
    }
    return -1;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
