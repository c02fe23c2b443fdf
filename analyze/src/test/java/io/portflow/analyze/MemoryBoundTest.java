package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million short connections one after another go through the analyzer in a JVM whose whole heap
 * is 24 MiB: finished flows must leave the table, or this runs out of memory long before the end
 * (a million flow records alone take hundreds of megabytes). Not a timing test.
 */
class MemoryBoundTest {
  private static final int CONNECTIONS = 1_000_000;
  /** One connection every 10 ms of capture time; each lingers 5 s after its FIN exchange. */
  private static final int SPACING_MICROS = 10_000;

  @Test
  void millionSequentialConnectionsRunInATinyHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), SequentialConnections.class.getName(),
        Integer.toString(CONNECTIONS), Integer.toString(SPACING_MICROS)))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running");
    assertEquals(0, process.exitValue(), output);
    Map<String, Long> values = parse(output);

    assertEquals(CONNECTIONS, values.get("records"), output);
    assertEquals(CONNECTIONS, values.get("sf"), "every record is SF ShADFf with end reason fin");
    assertTrue(values.get("emitted_before_finish") >= CONNECTIONS - 501,
        "records stream out while the input is read: " + output);
    // 5 s of linger at one connection per 10 ms: 500 closed flows waiting, plus the open one.
    assertEquals(501, values.get("peak_active"), output);
    assertTrue(values.get("heap_used_after_gc") < 12L << 20, "heap after GC: " + output);
  }

  private static Map<String, Long> parse(String output) {
    Map<String, Long> values = new HashMap<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).trim(), Long.parseLong(line.substring(eq + 1).trim()));
      }
    }
    return values;
  }
}
