package io.portflow.capture.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tcpdump writing a nanosecond pcap in a namespace, as the reference for what the kernel delivered. */
final class Tcpdump implements AutoCloseable {
  private final Process process;

  private Tcpdump(Process process) {
    this.process = process;
  }

  /** Starts tcpdump and returns once it says it is listening. */
  static Tcpdump start(String ns, String iface, Path file, String filter) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-U", "--immediate-mode",
        "--time-stamp-precision=nano", "-w", file.toString()));
    if (filter != null) cmd.add(filter);
    Process p = Netns.processIn(ns, cmd.toArray(new String[0])).redirectErrorStream(true).start();
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = err.readLine();
    if (line == null || !line.contains("listening on")) {
      p.destroyForcibly();
      throw new IOException("tcpdump did not start: " + line);
    }
    // Drain the rest (the "N packets captured" lines) so tcpdump never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (err.readLine() != null) {
          // discard
        }
      } catch (IOException e) {
        // tcpdump ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    return new Tcpdump(p);
  }

  /** SIGTERM, after which tcpdump flushes and exits. */
  void stop() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IOException("tcpdump did not stop");
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
