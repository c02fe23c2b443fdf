package io.portflow.capture.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion and fails loudly with its output when it fails. */
final class Commands {
  private Commands() {}

  static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
    }
    return out;
  }

  static void runQuietly(String... command) {
    try {
      run(command);
    } catch (IOException e) {
      // cleanup: the thing may be gone already
    }
  }

  static String[] concat(List<String> head, String... tail) {
    String[] all = head.toArray(new String[head.size() + tail.length]);
    System.arraycopy(tail, 0, all, head.size(), tail.length);
    return all;
  }
}
