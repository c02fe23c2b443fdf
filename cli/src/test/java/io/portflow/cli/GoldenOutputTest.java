package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.cli.fixtures.Golden;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What users see for the sample captures, pinned byte for byte under
 * {@code src/test/resources/golden/}: table, json and csv for each.
 */
class GoldenOutputTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> samplesAndFormats() {
    return SampleCaptures.NAMES.stream()
        .flatMap(name -> Stream.of("table", "json", "csv").map(format -> Arguments.of(name, format)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("samplesAndFormats")
  void matchesTheBaseline(String name, String format) throws IOException {
    Run run = Run.of("analyze", "--format", format, SampleCaptures.path(name));
    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
    String output = SampleCaptures.asFromRoot(run.out());
    Golden.assertMatches(baseline(name, format), output);
    if (format.equals("table")) {
      for (String line : output.split("\n")) {
        assertTrue(line.length() <= 100, "wider than 100 columns: " + line);
      }
    }
    if (format.equals("json")) {
      JsonNode flows = MAPPER.readTree(output).get("flows");
      assertTrue(flows.size() > 0, "no flows in " + name);
      for (JsonNode flow : flows) {
        Schema.assertValid(flow);
      }
    }
  }

  private static String baseline(String capture, String format) {
    String stem = capture.substring(0, capture.lastIndexOf('.'));
    return stem + (format.equals("table") ? ".table.txt" : "." + format);
  }
}
