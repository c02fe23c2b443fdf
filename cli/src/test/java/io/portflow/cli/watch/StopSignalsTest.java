package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real signals to a child JVM: the first one stops cleanly (exit 0), a second one exits at once. */
class StopSignalsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130, 2", "TERM, 143, 15"})
  void firstSignalStopsCleanly_secondExitsAtOnce(String signal, int secondExit, int number) throws Exception {
    // A shell starts background jobs with SIGINT ignored, children inherit that, and the JVM then
    // leaves it ignored (as it should): such a child never sees the signal.
    assumeTrue(!ignoredHere(number), "SIG" + signal + " is ignored in this process tree (started in the background?)");
    Process clean = start(300);
    BufferedReader out = reader(clean);
    assertEquals("ready", line(out));
    kill(signal, clean);
    assertEquals("stopping", line(out));
    assertEquals("flushed", line(out));
    assertTrue(clean.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, clean.exitValue());

    Process impatient = start(30_000);
    BufferedReader out2 = reader(impatient);
    assertEquals("ready", line(out2));
    kill(signal, impatient);
    assertEquals("stopping", line(out2));
    kill(signal, impatient);
    assertTrue(impatient.waitFor(10, TimeUnit.SECONDS), "a second signal ends it");
    assertEquals(secondExit, impatient.exitValue());
  }

  private static Process start(long flushMillis) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SignalProbe.class.getName(), Long.toString(flushMillis))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The next line, or a failure after 30 s: a signal that never arrives must not hang the build. */
  private static String line(BufferedReader in) throws Exception {
    CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
      try {
        return in.readLine();
      } catch (IOException e) {
        return "read failed: " + e;
      }
    });
    return next.get(30, TimeUnit.SECONDS);
  }

  /** Whether this process ignores signal {@code number} (the SigIgn mask of /proc/self/status). */
  private static boolean ignoredHere(int number) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("SigIgn:")) return (Long.parseUnsignedLong(l.substring(7).strip(), 16) >>> (number - 1) & 1) == 1;
    }
    return false;
  }

  private static void kill(String signal, Process p) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
  }
}
