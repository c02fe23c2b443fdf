package io.portflow.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.analyze.FlowRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The namespace captures (corpus/ns) against the conn_state and history worked out from Zeek's
 * rules in ns/expected-zeek.tsv, one row per tshark stream. The originator must be the stream's
 * first sender (every connection there is started by the client, 10.231.0.1 / fd00:231::1).
 */
class ZeekStateExpectationTest {

  /** One row of expected-zeek.tsv. */
  private record Expected(String file, int stream, String connState, String history, String why) {}

  @TestFactory
  Stream<DynamicTest> eachNamespaceCaptureHasTheExpectedZeekState() throws IOException {
    Path root = TsharkAgreementTest.corpusRoot().resolve("ns");
    Map<String, List<Expected>> byFile = load(root.resolve("expected-zeek.tsv"));
    assertFalse(byFile.isEmpty(), "no rows in " + root.resolve("expected-zeek.tsv"));
    return byFile.entrySet().stream().map(e ->
        DynamicTest.dynamicTest("ns/" + e.getKey(), () -> check(root.resolve(e.getKey()), e.getValue())));
  }

  private static void check(Path capture, List<Expected> rows) throws IOException {
    List<TsharkStream> streams = StreamsCsv.read(capture.resolveSibling(capture.getFileName() + ".streams.csv"));
    List<FlowRecord> flows = InProcessAnalysis.of(capture).flows();
    assumeTrue(flows.stream().anyMatch(f -> f.connState() != null),
        "FlowAnalyzer leaves conn_state null: TCP state is not wired in yet");
    Map<Integer, FlowRecord> pairs = ConnectionMatcher.pair(streams, flows);
    for (Expected row : rows) {
      FlowRecord flow = pairs.get(row.stream());
      String where = capture.getFileName() + " stream " + row.stream() + " (" + row.why() + ")";
      if (flow == null) {
        throw new AssertionError(where + ": no portflow flow for this tshark stream");
      }
      TsharkStream stream = streams.stream().filter(s -> s.stream() == row.stream()).findFirst().orElseThrow();
      assertEquals(stream.a(), ConnectionMatcher.client(flow), where + ": client");
      assertEquals(row.connState() + " " + row.history(), flow.connState() + " " + flow.history(),
          where + ": conn_state and history");
    }
  }

  private static Map<String, List<Expected>> load(Path tsv) throws IOException {
    Map<String, List<Expected>> byFile = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      Expected row = new Expected(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4]);
      byFile.computeIfAbsent(row.file(), k -> new ArrayList<>()).add(row);
    }
    return byFile;
  }
}
