package io.portflow.analyze;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portflow.analyze.testing.Frames;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowAnalyzerTest {
  private final List<FlowRecord> records = new ArrayList<>();
  private final FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), records::add);

  private void frame(long timestamp, int linkType, byte[] bytes) {
    analyzer.onFrame(timestamp, linkType, bytes, 0, bytes.length, bytes.length);
  }

  @Test
  void emptyInput() {
    analyzer.finish();
    CaptureSummary summary = analyzer.summary();
    assertEquals(new CaptureSummary(0, 0, 0, 0, 0, 0, Map.of(), Map.of()), summary);
    assertEquals(List.of(), records);
  }

  @Test
  void summaryCountsEveryFrameOnceAsTcpOrSkipped() {
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    frame(100, LinkTypes.ETHERNET, ethernet(0x0800, syn));
    frame(200, LinkTypes.ETHERNET, ethernet(0x0806, new byte[28]));
    frame(300, LinkTypes.RAW, ipv4().protocol(17).build(new byte[8]));
    frame(400, LinkTypes.LINUX_SLL2, new byte[3]);
    frame(500, 147, syn);
    frame(600, 147, syn);
    frame(700, LinkTypes.RAW_12, segment("10.0.0.2", 80, "10.0.0.1", 40000, SYN | ACK, 9, 2, 0));
    analyzer.finish();
    CaptureSummary summary = analyzer.summary();
    assertEquals(7, summary.packets());
    assertEquals(2, summary.tcpPackets());
    assertEquals(1, summary.flows());
    assertEquals(100, summary.firstSeenNanos());
    assertEquals(700, summary.lastSeenNanos());
    assertEquals(54 + 42 + 28 + 3 + 40 + 40 + 40, summary.bytes());
    assertEquals(List.of("ethernet", "raw-ip", "linux-sll2", "linktype-147"),
        List.copyOf(summary.linkTypes().keySet()), "in order of first appearance");
    assertEquals(Map.of("ethernet", 2L, "raw-ip", 2L, "linux-sll2", 1L, "linktype-147", 2L),
        summary.linkTypes());
    assertEquals(Map.of("arp", 1L, "udp", 1L, "truncated-link-header", 1L, "unknown-link-type-147", 2L),
        summary.skipped());
    assertEquals(Map.of("truncated-link-header", 1L, "unknown-link-type-147", 2L),
        summary.anomalies(), "ARP and UDP are skipped, not anomalies");
    long skipped = summary.skipped().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(summary.packets(), summary.tcpPackets() + skipped);
  }

  @Test
  void bytesAreWireLengthsNotCapturedLengths() {
    byte[] frame = ethernet(0x0800, segment("10.0.0.1", 40000, "10.0.0.2", 80, ACK, 1, 1, 1400));
    analyzer.onFrame(1, LinkTypes.ETHERNET, frame, 0, 68, frame.length);
    analyzer.finish();
    assertEquals(frame.length, analyzer.summary().bytes());
    FlowRecord flow = records.get(0);
    assertEquals(frame.length, flow.clientToServer().bytes() + flow.serverToClient().bytes());
    assertEquals(1400, flow.clientToServer().payloadBytes() + flow.serverToClient().payloadBytes());
  }

  @Test
  void frameOutsideTheBufferIsTheCallersBug() {
    assertThrows(IndexOutOfBoundsException.class,
        () -> analyzer.onFrame(0, LinkTypes.RAW, new byte[10], 5, 6, 6));
  }

  @Test
  void summaryMapsAreReadOnly() {
    frame(1, LinkTypes.ETHERNET, ethernet(0x0806, new byte[28]));
    CaptureSummary summary = analyzer.summary();
    assertThrows(UnsupportedOperationException.class, () -> summary.skipped().put("x", 1L));
    assertThrows(UnsupportedOperationException.class, () -> summary.linkTypes().clear());
  }

  @Test
  void framesAfterFinishStartNewFlows() {
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    frame(1, LinkTypes.RAW, syn);
    analyzer.finish();
    frame(2, LinkTypes.RAW, syn);
    analyzer.finish();
    assertEquals(List.of(0L, 1L), records.stream().map(FlowRecord::flowId).toList());
    assertEquals(2, analyzer.summary().flows());
  }

  @Test
  void icmpErrorQuotingAFlowsHeaderIsNotCountedInTheFlow() {
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    byte[] error = ipv4().src("10.0.0.2").dst("10.0.0.1").protocol(1)
        .build(concat(hex("03 03 00 00 00 00 00 00"), syn));
    frame(1, LinkTypes.RAW, syn);
    frame(2, LinkTypes.RAW, error);
    analyzer.finish();
    assertEquals(1, records.get(0).clientToServer().packets() + records.get(0).serverToClient().packets());
    assertEquals(Map.of("icmp", 1L), analyzer.summary().skipped());
  }

  @Test
  void udpIsSkippedUnlessSelected() {
    byte[] dns = Frames.datagram("10.0.0.1", 51000, "10.0.0.53", 53, 30);
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    frame(1, LinkTypes.RAW, dns);
    frame(2, LinkTypes.RAW, syn);
    analyzer.finish();
    assertEquals(List.of("tcp"), records.stream().map(FlowRecord::transport).toList());
    assertEquals(Map.of("udp", 1L), analyzer.summary().skipped());
    assertEquals(0, analyzer.summary().udpPackets());

    List<FlowRecord> both = new ArrayList<>();
    FlowAnalyzer withUdp = new FlowAnalyzer(
        AnalyzerConfig.defaults().withTransports(EnumSet.of(Transport.TCP, Transport.UDP)), both::add);
    withUdp.onFrame(1, LinkTypes.RAW, dns, 0, dns.length, dns.length);
    withUdp.onFrame(2, LinkTypes.RAW, syn, 0, syn.length, syn.length);
    withUdp.finish();
    assertEquals(List.of("udp", "tcp"), both.stream().map(FlowRecord::transport).toList());
    CaptureSummary summary = withUdp.summary();
    assertEquals(1, summary.udpPackets());
    assertEquals(1, summary.tcpPackets());
    assertEquals(Map.of(), summary.skipped());
  }

  @Test
  void udpAloneSkipsTcpByName() {
    List<FlowRecord> udpOnly = new ArrayList<>();
    FlowAnalyzer analyzer = new FlowAnalyzer(
        AnalyzerConfig.defaults().withTransports(EnumSet.of(Transport.UDP)), udpOnly::add);
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    analyzer.onFrame(1, LinkTypes.RAW, syn, 0, syn.length, syn.length);
    analyzer.finish();
    assertEquals(List.of(), udpOnly);
    assertEquals(Map.of("tcp", 1L), analyzer.summary().skipped());
    assertEquals(1, analyzer.summary().packets());
  }

  @Test
  void damagedFramesAreCountedAsNamedAnomaliesNotErrors() {
    byte[] syn = segment("10.0.0.1", 40000, "10.0.0.2", 80, SYN, 1, 0, 0);
    byte[] badIhl = ipv4().ihl(3).build(new byte[20]);
    byte[] shortTcp = syn.clone();
    shortTcp[20 + 12] = 0x40; // data offset 4 words: 16 bytes
    byte[] laterFragment = ipv4().fragment(8, false).build(new byte[16]);
    frame(1, LinkTypes.RAW, badIhl);
    frame(2, LinkTypes.RAW, shortTcp);
    frame(3, LinkTypes.RAW, laterFragment);
    frame(4, LinkTypes.RAW, java.util.Arrays.copyOf(syn, 30));
    frame(5, 999, syn);
    analyzer.finish();
    assertEquals(Map.of("bad-ipv4-header-length", 1L, "bad-tcp-header-length", 1L,
        "ipv4-fragment", 1L, "truncated-tcp-header", 1L, "unknown-link-type-999", 1L),
        analyzer.summary().anomalies());
    assertEquals(List.of(), records);
  }

  @Test
  void malformedOptionsAreNamedAnomaliesOfFramesThatStillCount() {
    byte[] badTcpOption = ipv4().build(Frames.tcpWithOptions(40000, 80, 1, 0, SYN, "02 04 05 b4 | 03 09 07"));
    byte[] badIpOption = ipv4().src("10.0.0.2").dst("10.0.0.1").options(hex("83 30 04 00"))
        .build(Frames.tcp(80, 40000, 9, 2, SYN | ACK, 20, 0));
    frame(1, LinkTypes.RAW, badTcpOption);
    frame(2, LinkTypes.RAW, badIpOption);
    analyzer.finish();
    CaptureSummary summary = analyzer.summary();
    assertEquals(2, summary.tcpPackets());
    assertEquals(Map.of(), summary.skipped());
    assertEquals(Map.of("bad-ipv4-option-length", 1L, "bad-tcp-option-length", 1L), summary.anomalies());
    assertEquals(1, records.size());
    assertEquals(1460, records.get(0).clientToServer().mss(), "the options before the broken one count");
  }
}
