package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.testing.Pcap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small real captures (see captures/PROVENANCE.tsv) against the per-stream numbers tshark 4.0.17
 * gives for them ({@code tcp.stream}, frames, frame bytes and TCP payload per direction).
 */
class CapturesTest {
  private final List<FlowRecord> records = new ArrayList<>();
  private final FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), records::add);

  private CaptureSummary run(String name) {
    Pcap.feed("/io/portflow/analyze/captures/" + name, analyzer);
    analyzer.finish();
    return analyzer.summary();
  }

  private static void assertDirections(FlowRecord flow, long packetsOut, long bytesOut, long payloadOut,
      long packetsBack, long bytesBack, long payloadBack) {
    assertEquals(new DirectionStats(packetsOut, bytesOut, payloadOut),
        flow.clientToServer().counters(), "client to server");
    assertEquals(new DirectionStats(packetsBack, bytesBack, payloadBack),
        flow.serverToClient().counters(), "server to client");
  }

  @Test
  void bug3844_portReuseAfterRstIsTwoFlows() {
    CaptureSummary summary = run("bug-3844.pcap");
    assertEquals(2, records.size());
    FlowRecord first = records.get(0);
    FlowRecord second = records.get(1);
    assertEquals(EndReason.RST, first.endReason(), "refused, then the 4-tuple was reused");
    assertEquals("REJ", first.connState());
    assertEquals("Sr", first.history());
    assertEquals(EndReason.RST, second.endReason());
    assertEquals("RSTO", second.connState());
    assertEquals("ShADdR", second.history());
    assertEquals("1.1.1.1", first.client().ip());
    assertEquals(8080, first.server().port());
    assertDirections(first, 1, 74, 0, 1, 58, 0);
    assertDirections(second, 4, 241, 5, 2, 131, 15);
    assertEquals(RoleSource.SYN, second.roleSource());
    assertEquals(8, summary.tcpPackets());
  }

  @Test
  void fragmentedSyn_countsOnTheCompletingFrame() {
    CaptureSummary summary = run("fragmented-syn.pcap");
    assertEquals(1, records.size());
    FlowRecord flow = records.get(0);
    assertEquals("192.168.1.100", flow.client().ip());
    assertEquals(12345, flow.client().port());
    assertEquals(80, flow.server().port());
    assertEquals(RoleSource.SYN, flow.roleSource());
    assertDirections(flow, 1, 50, 0, 0, 0, 0);
    assertEquals(Map.of("ipv4-fragment", 1L), summary.skipped());
  }

  @Test
  void socks5Fragments_62FragmentsOneConnection() {
    CaptureSummary summary = run("socks5-http-302-frag.pcap");
    assertEquals(72, summary.packets());
    assertEquals(14, summary.tcpPackets());
    assertEquals(Map.of("ipv4-fragment", 58L), summary.skipped());
    assertEquals(1, records.size());
    FlowRecord flow = records.get(0);
    assertEquals("10.0.0.1", flow.client().ip());
    assertEquals(1637, flow.client().port());
    assertEquals(21477, flow.server().port());
    assertDirections(flow, 8, 427, 419, 6, 314, 942);
  }

  @Test
  void aerospike_vlanTaggedConnections() {
    run("aerospike.pcap");
    assertEquals(2, records.size());
    assertEquals(50, records.get(0).vlan());
    assertDirections(records.get(0), 7, 588, 86, 3, 198, 0);
    assertEquals("10.0.0.4", records.get(1).client().ip());
    assertDirections(records.get(1), 6, 450, 22, 5, 444, 86);
  }

  @Test
  void redisAttr_bsdLoopbackIpv6RefusedThenIpv4() {
    CaptureSummary summary = run("redis-attr.pcap");
    assertEquals(Map.of("null", 28L), summary.linkTypes());
    assertEquals(4, records.size());
    assertEquals("::1", records.get(0).client().ip());
    assertEquals(6, records.get(0).ipVersion());
    assertDirections(records.get(0), 1, 88, 0, 1, 64, 0);
    assertDirections(records.get(1), 6, 362, 14, 6, 382, 34);
    assertDirections(records.get(2), 1, 88, 0, 1, 64, 0);
    assertDirections(records.get(3), 6, 364, 16, 6, 430, 82);
    assertEquals("redis", records.get(3).server().service());
  }

  @Test
  void retransmitFast009_tcpDetailAgreesWithTshark() {
    // Zeek's tcp/retransmit-fast009.pcap: tshark flags frames 32, 34 and 36 (1430 bytes each) as
    // retransmissions, and its initial RTT is 185.458 ms (73 us + 185.385 ms).
    Pcap.feed("/zeek/traces/tcp__retransmit-fast009.pcap", analyzer);
    analyzer.finish();
    FlowRecord flow = records.get(0);
    assertEquals(new DirectionStats(17, 1488, 474, 0L, 0L, 0L, 0L, 1452, null),
        flow.clientToServer());
    assertEquals(new DirectionStats(22, 29269, 28073, 3L, 4290L, 0L, 0L, 1430, null),
        flow.serverToClient());
    assertEquals(new HandshakeRtt(73_000, 185_385_000), flow.handshakeRtt());
    assertEquals("RSTO", flow.connState());
    assertEquals("ShADaGdgtR", flow.history());
  }
}
