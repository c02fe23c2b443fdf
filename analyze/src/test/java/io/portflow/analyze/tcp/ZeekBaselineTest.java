package io.portflow.analyze.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the Zeek fixtures (src/test/resources/zeek, see its README) and compares every TCP row
 * of Zeek's conn.log with our history and conn_state. The originator of each connection is taken
 * from Zeek's log, so this checks the state machine, not the role heuristic.
 */
class ZeekBaselineTest {

  /** One TCP row of EXPECTED.tsv. */
  record Row(String pair, String trace, String origHost, int origPort, String respHost,
      int respPort, String connState, String history, String flags) {

    String tuple() throws IOException {
      byte[] o = InetAddress.getByName(origHost).getAddress();
      byte[] r = InetAddress.getByName(respHost).getAddress();
      String a = ZeekSessions.key(o, origPort);
      String b = ZeekSessions.key(r, respPort);
      return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    String origKey() throws IOException {
      return ZeekSessions.key(InetAddress.getByName(origHost).getAddress(), origPort);
    }
  }

  static Stream<String> pairs() throws IOException {
    return rows().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void historyAndConnStateMatchZeek(String pair) throws IOException {
    List<Row> expected = rows().get(pair);
    Map<String, List<Row>> byTuple = new LinkedHashMap<>();
    for (Row r : expected) {
      byTuple.computeIfAbsent(r.tuple(), k -> new ArrayList<>()).add(r);
    }
    ZeekSessions sessions = new ZeekSessions(!expected.get(0).flags().contains("-C"),
        (tuple, index, first) -> {
          List<Row> candidates = byTuple.get(tuple);
          if (candidates == null || index >= candidates.size()) {
            return true; // a connection Zeek did not log as TCP here; any role will do
          }
          try {
            return candidates.get(index).origKey()
                .equals(ZeekSessions.key(first.src(), first.srcPort()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    for (PcapSegments.Segment s : PcapSegments.read(resource(expected.get(0).trace()))) {
      sessions.feed(s);
    }

    Map<String, Integer> seen = new LinkedHashMap<>();
    for (ZeekSessions.Connection c : sessions.all) {
      int index = seen.merge(c.tuple, 1, Integer::sum) - 1;
      List<Row> candidates = byTuple.get(c.tuple);
      assertTrue(candidates != null && index < candidates.size(),
          pair + ": connection " + c.tuple + " #" + index + " is not in Zeek's log");
      Row zeek = candidates.get(index);
      String where = pair + " " + zeek.origHost() + ":" + zeek.origPort() + " > "
          + zeek.respHost() + ":" + zeek.respPort() + " #" + index;
      assertEquals(zeek.history(), c.state.history().isEmpty() ? "-" : c.state.history(),
          where + " history");
      if (!zeek.connState().equals("-")) {
        assertEquals(zeek.connState(), c.state.connState(), where + " conn_state");
      }
    }
    assertEquals(expected.size(), sessions.all.size(), pair + ": number of TCP connections");
  }

  private static Map<String, List<Row>> rows() throws IOException {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(resource("EXPECTED.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Row r = new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], Integer.parseInt(f[5]),
          f[6], f[7], f[8]);
      rows.computeIfAbsent(r.pair(), k -> new ArrayList<>()).add(r);
    }
    return rows;
  }

  private static Path resource(String name) throws IOException {
    try {
      return Path.of(ZeekBaselineTest.class.getResource("/zeek/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IOException("test resource zeek/" + name + " not found", e);
    }
  }
}
