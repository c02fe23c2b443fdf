package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real signals to a child JVM: the first one stops cleanly (exit 0), a second one exits at once. */
class StopSignalsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void firstSignalStopsCleanly_secondExitsAtOnce(String signal, int secondExit) throws Exception {
    Process clean = start(300);
    BufferedReader out = reader(clean);
    assertEquals("ready", out.readLine());
    kill(signal, clean);
    assertEquals("stopping", out.readLine());
    assertEquals("flushed", out.readLine());
    assertTrue(clean.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, clean.exitValue());

    Process impatient = start(30_000);
    BufferedReader out2 = reader(impatient);
    assertEquals("ready", out2.readLine());
    kill(signal, impatient);
    assertEquals("stopping", out2.readLine());
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

  private static void kill(String signal, Process p) throws Exception {
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
  }
}
