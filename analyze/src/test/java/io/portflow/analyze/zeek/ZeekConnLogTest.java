package io.portflow.analyze.zeek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.Transport;
import io.portflow.analyze.testing.Pcap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real analyzer (decoder, flow table, lifecycle, TCP state) over every trace of the Zeek
 * fixtures (src/test/resources/zeek, PAIRS.tsv), each TCP and UDP connection compared with the
 * conn.log Zeek's own test suite expects: Zeek's originator must be portflow's client, and
 * conn_state and history must be the same. Connections are matched by transport, 4-tuple and
 * order on that 4-tuple (Zeek logs a tuple again when it was reused or expired); logs without the
 * 4-tuple (zeek-cut output) are matched in order.
 *
 * <p>Every deliberate difference is a row of DIFFERENCES.tsv naming its reason (explained in the
 * fixtures' README.md). A difference not listed fails, and so does a listed one that no longer
 * occurs.
 */
class ZeekConnLogTest {
  private static final Set<String> REASONS = Set.of("checksums", "attempt-timer",
      "lone-syn-ack", "port-heuristic", "truncated-header", "ayiya", "udp-tunnel");
  private static final Map<String, List<FlowRecord>> FLOWS_BY_TRACE = new HashMap<>();

  /** A row of PAIRS.tsv. */
  record Pair(String name, String trace, String baseline, String flags, String inferredProtos) {

    ConnLog log() throws IOException {
      return ConnLog.read(resource(baseline),
          inferredProtos.equals("-") ? null : List.of(inferredProtos.split(",")));
    }
  }

  /** One difference: where, what Zeek logged, what portflow found. The reason is not part of it. */
  record Difference(String pair, String connection, String zeek, String portflow) {
    @Override
    public String toString() {
      return String.join("\t", pair, connection, zeek, portflow);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyConnectionAgreesWithZeekOrIsAListedDifference() throws IOException {
    Map<String, List<Difference>> listed = listedByPair();
    return pairs().stream().map(pair -> DynamicTest.dynamicTest(pair.name(), () -> {
      Set<String> expected = listed.getOrDefault(pair.name(), List.of()).stream()
          .map(Difference::toString).collect(Collectors.toCollection(TreeSet::new));
      Set<String> actual = compare(pair).stream()
          .map(Difference::toString).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(String.join("\n", expected), String.join("\n", actual),
          pair.name() + ": differences from Zeek (pair, connection, zeek, portflow) other than "
              + "those in DIFFERENCES.tsv");
    }));
  }

  @Test
  void everyListedDifferenceNamesAKnownReasonAndAPair() throws IOException {
    Set<String> names = pairs().stream().map(Pair::name).collect(Collectors.toSet());
    for (String[] row : rows("DIFFERENCES.tsv")) {
      assertTrue(names.contains(row[0]), "no such pair: " + row[0]);
      assertTrue(REASONS.contains(row[4]), "unknown reason '" + row[4] + "' for " + row[1]);
    }
  }

  @Test
  void mostConnectionsAreCompared() throws IOException {
    int connections = 0;
    for (Pair pair : pairs()) {
      connections += pair.log().rows().size();
    }
    assertTrue(connections > 1_500, "connections in the fixtures' logs: " + connections);
  }

  private static List<Difference> compare(Pair pair) throws IOException {
    ConnLog log = pair.log();
    List<FlowRecord> flows = flows(pair.trace());
    return log.hasTuple() ? byTuple(pair, log, flows) : inOrder(pair, log, flows);
  }

  /** Rows with a 4-tuple: matched by transport, tuple and occurrence. */
  private static List<Difference> byTuple(Pair pair, ConnLog log, List<FlowRecord> flows)
      throws IOException {
    Map<String, List<FlowRecord>> ours = new LinkedHashMap<>();
    for (FlowRecord flow : flows) {
      if (log.hasProto() || flow.transport().equals("tcp")) {
        ours.computeIfAbsent(key(flow), k -> new ArrayList<>()).add(flow);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Difference> differences = new ArrayList<>();
    for (ConnLog.Row row : log.rows()) {
      String proto = row.proto() == null ? "tcp" : row.proto();
      if (!proto.equals("tcp") && !proto.equals("udp")) {
        continue;
      }
      String key = key(proto, host(row.origHost()), row.origPort(), host(row.respHost()),
          row.respPort());
      int index = seen.merge(key, 1, Integer::sum) - 1;
      List<FlowRecord> candidates = ours.getOrDefault(key, List.of());
      String where = proto + " " + row.origHost() + ":" + row.origPort() + " > "
          + row.respHost() + ":" + row.respPort() + " #" + index;
      String zeek = zeekState(log, row);
      if (index >= candidates.size()) {
        differences.add(new Difference(pair.name(), where, zeek, "no flow"));
        continue;
      }
      FlowRecord flow = candidates.get(index);
      String portflow = ourState(log, flow);
      boolean sameClient = host(flow.client().ip()).equals(host(row.origHost()))
          && flow.client().port() == row.origPort();
      if (!sameClient) {
        portflow += " (client " + flow.client().ip() + ":" + flow.client().port() + ")";
      }
      if (!sameClient || !portflow.equals(zeek)) {
        differences.add(new Difference(pair.name(), where, zeek, portflow));
      }
    }
    for (Map.Entry<String, List<FlowRecord>> e : ours.entrySet()) {
      int logged = seen.getOrDefault(e.getKey(), 0);
      for (int i = logged; i < e.getValue().size(); i++) {
        FlowRecord flow = e.getValue().get(i);
        differences.add(new Difference(pair.name(), flow.transport() + " " + flow.client().ip()
            + ":" + flow.client().port() + " > " + flow.server().ip() + ":"
            + flow.server().port() + " #" + i, "no row", ourState(log, flow)));
      }
    }
    return differences;
  }

  /** zeek-cut output without the 4-tuple: per transport, flows in order against rows in order. */
  private static List<Difference> inOrder(Pair pair, ConnLog log, List<FlowRecord> flows) {
    List<Difference> differences = new ArrayList<>();
    for (String proto : List.of("tcp", "udp")) {
      List<ConnLog.Row> rows = log.rows().stream().filter(r -> proto.equals(r.proto())).toList();
      List<FlowRecord> ours = flows.stream().filter(f -> f.transport().equals(proto)).toList();
      for (int i = 0; i < Math.max(rows.size(), ours.size()); i++) {
        String zeek = i < rows.size() ? zeekState(log, rows.get(i)) : "no row";
        String portflow = i < ours.size() ? ourState(log, ours.get(i)) : "no flow";
        if (!zeek.equals(portflow)) {
          differences.add(new Difference(pair.name(), proto + " #" + i, zeek, portflow));
        }
      }
    }
    return differences;
  }

  /**
   * conn_state (or "-" when the log has none) and history, with the app-layer letters X/x
   * dropped: they say an application analyzer hit a limit, which is not TCP state.
   */
  private static String zeekState(ConnLog log, ConnLog.Row row) {
    String history = row.history().replace("X", "").replace("x", "");
    return (log.hasConnState() ? row.connState() : "-") + " " + history;
  }

  private static String ourState(ConnLog log, FlowRecord flow) {
    return (log.hasConnState() ? flow.connState() : "-") + " " + flow.history();
  }

  private static String key(FlowRecord flow) throws IOException {
    return key(flow.transport(), host(flow.client().ip()), flow.client().port(),
        host(flow.server().ip()), flow.server().port());
  }

  /** Transport and the two ends in a fixed order, so that either orientation finds the flow. */
  private static String key(String proto, String hostA, int portA, String hostB, int portB) {
    String a = hostA + "|" + portA;
    String b = hostB + "|" + portB;
    return proto + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
  }

  private static String host(String text) throws IOException {
    return InetAddress.getByName(text).getHostAddress();
  }

  private static List<FlowRecord> flows(String trace) {
    return FLOWS_BY_TRACE.computeIfAbsent(trace, t -> {
      List<FlowRecord> flows = new ArrayList<>();
      FlowAnalyzer analyzer = new FlowAnalyzer(
          AnalyzerConfig.defaults().withTransports(EnumSet.allOf(Transport.class)), flows::add);
      Pcap.feed("/zeek/" + t, analyzer);
      analyzer.finish();
      return flows;
    });
  }

  private static List<Pair> pairs() throws IOException {
    return rows("PAIRS.tsv").stream().map(r -> new Pair(r[0], r[1], r[2], r[3], r[4])).toList();
  }

  private static Map<String, List<Difference>> listedByPair() throws IOException {
    Map<String, List<Difference>> byPair = new HashMap<>();
    for (String[] r : rows("DIFFERENCES.tsv")) {
      byPair.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Difference(r[0], r[1], r[2], r[3]));
    }
    return byPair;
  }

  /** The data rows of a tab-separated fixture: no header, no blank lines, no '#' comments. */
  private static List<String[]> rows(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(resource(name), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private static Path resource(String name) throws IOException {
    try {
      return Path.of(ZeekConnLogTest.class.getResource("/zeek/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IOException("test resource zeek/" + name + " not found", e);
    }
  }
}
