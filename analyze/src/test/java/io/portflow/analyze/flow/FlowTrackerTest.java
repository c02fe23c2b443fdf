package io.portflow.analyze.flow;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.RST;
import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.communityid.CommunityId;
import io.portflow.analyze.testing.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Grouping and port reuse. The reuse cases were checked one by one against tshark 4.0.17's
 * {@code tcp.stream} on crafted captures: a SYN without ACK splits exactly when its sequence number
 * differs from the base sequence number recorded for its sender.
 */
class FlowTrackerTest {
  private static final String C = "10.0.0.1";
  private static final String S = "10.0.0.2";

  private final Traffic traffic = new Traffic();

  private void client(int flags, long seq, long ack) {
    traffic.send(C, 1000, S, 80, flags, seq, ack, 0);
  }

  private void server(int flags, long seq, long ack) {
    traffic.send(S, 80, C, 1000, flags, seq, ack, 0);
  }

  private static long packets(FlowRecord record) {
    return record.clientToServer().packets() + record.serverToClient().packets();
  }

  @Test
  void bothDirectionsShareOneFlowWithPerDirectionCounters() {
    traffic.send(C, 51000, S, 443, SYN, 100, 0, 0)
        .send(S, 443, C, 51000, SYN | ACK, 500, 101, 0)
        .send(C, 51000, S, 443, ACK, 101, 501, 0)
        .send(C, 51000, S, 443, PSH | ACK, 101, 501, 5)
        .send(S, 443, C, 51000, PSH | ACK, 501, 106, 2);
    List<FlowRecord> records = traffic.finish();
    assertEquals(1, records.size());
    FlowRecord flow = records.get(0);
    assertEquals(0, flow.flowId());
    assertEquals(new DirectionStats(3, 3 * 40 + 5, 5, 0L, 0L, 0L, 0L, null, null),
        flow.clientToServer());
    assertEquals(new DirectionStats(2, 2 * 40 + 2, 2, 0L, 0L, 0L, 0L, null, null),
        flow.serverToClient());
    assertEquals("tcp", flow.transport());
    assertEquals(4, flow.ipVersion());
    assertNull(flow.vlan());
    assertEquals(new CommunityId().of(CommunityId.TCP, Frames.address(C), 51000,
        Frames.address(S), 443), flow.communityId());
    assertEquals("S1", flow.connState());
    assertEquals("ShADd", flow.history());
    assertEquals(EndReason.END_OF_CAPTURE, flow.endReason());
    assertEquals(4_000_000, flow.lastSeenNanos() - flow.firstSeenNanos());
  }

  @Test
  void flowIdsFollowTheFirstPacketAndFinishEmitsInIdOrder() {
    traffic.send("10.9.9.9", 2000, S, 22, SYN, 1, 0, 0)
        .send("10.0.0.3", 2001, S, 22, SYN, 1, 0, 0)
        .send("10.5.5.5", 2002, S, 22, SYN, 1, 0, 0)
        .send("10.0.0.3", 2001, S, 22, ACK, 2, 1, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(List.of(0L, 1L, 2L), records.stream().map(FlowRecord::flowId).toList());
    assertEquals("10.9.9.9", records.get(0).client().ip());
    assertEquals("10.0.0.3", records.get(1).client().ip());
    assertEquals(2, packets(records.get(1)));
  }

  @Test
  void reuse_synWithNewSequenceNumberSplitsEvenWhileOpen() {
    client(SYN, 100, 0);
    client(SYN, 200, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size());
    assertEquals(EndReason.REUSED, records.get(0).endReason());
    assertEquals(0, records.get(0).flowId());
    assertEquals(1, records.get(1).flowId());
  }

  @Test
  void reuse_retransmittedSynStaysEvenAfterRst() {
    client(SYN, 100, 0);
    client(SYN, 100, 0);
    server(RST | ACK, 0, 101);
    client(SYN, 100, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(1, records.size());
    assertEquals(4, packets(records.get(0)));
  }

  @Test
  void reuse_bug3844_newSynAfterRstStartsAFlowAndEmitsTheOldOne() {
    client(SYN, 100, 0);
    server(RST | ACK, 0, 101);
    assertEquals(0, traffic.emitted.size());
    client(SYN, 300, 0);
    assertEquals(1, traffic.emitted.size(), "the old flow is emitted when the new one replaces it");
    assertEquals(EndReason.RST, traffic.emitted.get(0).endReason(), "it had ended with the RST");
    assertEquals("REJ", traffic.emitted.get(0).connState());
    server(SYN | ACK, 900, 301);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size());
    assertEquals(2, packets(records.get(0)));
    assertEquals(2, packets(records.get(1)));
    assertEquals(EndReason.END_OF_CAPTURE, records.get(1).endReason());
  }

  @Test
  void reuse_evilprogramThreeRefusedAttemptsAreThreeFlows() {
    // evilprogram.pcap streams 16-18: 65.206.44.81:7951 -> 24.6.125.19:4899, SYN -> RST three times.
    for (long isn : new long[] {1_000, 2_000, 3_000}) {
      traffic.send("65.206.44.81", 7951, "24.6.125.19", 4899, SYN, isn, 0, 0)
          .send("24.6.125.19", 4899, "65.206.44.81", 7951, RST | ACK, 0, isn + 1, 0);
    }
    List<FlowRecord> records = traffic.finish();
    assertEquals(3, records.size());
    for (FlowRecord record : records) {
      assertEquals(1, record.clientToServer().packets());
      assertEquals(1, record.serverToClient().packets());
      assertEquals("65.206.44.81", record.client().ip());
    }
  }

  @Test
  void reuse_sameInitialSequenceNumberAfterFinStaysInTheFlow() {
    // tshark 4.0 keeps it; later Wireshark releases split on a SYN after FIN or RST (issue 18333).
    client(SYN, 100, 0);
    server(SYN | ACK, 500, 101);
    client(FIN | ACK, 101, 501);
    server(FIN | ACK, 501, 102);
    client(SYN, 100, 0);
    assertEquals(1, traffic.finish().size());
  }

  @Test
  void reuse_synFromTheServerSideWithANewNumberSplits() {
    client(SYN, 100, 0);
    server(SYN | ACK, 500, 101);
    client(ACK, 101, 501);
    server(SYN, 900, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size());
    assertEquals(S, records.get(1).client().ip(), "the new connection was opened by the old server");
  }

  @Test
  void reuse_synAckWithADifferentNumberDoesNotSplit() {
    client(SYN, 100, 0);
    server(SYN | ACK, 500, 101);
    server(SYN | ACK, 700, 101);
    assertEquals(1, traffic.finish().size());
  }

  @Test
  void reuse_midStreamBaseIsOneBeforeTheFirstSequenceNumber() {
    client(ACK, 100, 50);
    client(SYN, 99, 0);
    assertEquals(1, traffic.finish().size(), "SYN at base sequence number 99 stays");
    Traffic other = new Traffic();
    other.send(C, 1000, S, 80, ACK, 100, 50, 0).send(C, 1000, S, 80, SYN, 100, 0, 0);
    assertEquals(2, other.finish().size(), "SYN at 100 differs from base 99");
  }

  @Test
  void reuse_peerBaseComesFromTheFirstAcknowledgementNumber() {
    client(ACK, 100, 50);
    server(SYN, 49, 0);
    assertEquals(0, traffic.emitted.size(), "server base is 50 - 1");
    server(SYN, 60, 0);
    assertEquals(2, traffic.finish().size());
  }

  @Test
  void reuse_captureStartingAtTheSynAck() {
    server(SYN | ACK, 500, 101);
    client(SYN, 100, 0);
    assertEquals(1, traffic.finish().size(), "client base 100 came from the SYN+ACK's ack - 1");
    Traffic other = new Traffic();
    other.send(S, 80, C, 1000, SYN | ACK, 500, 101, 0).send(C, 1000, S, 80, SYN, 77, 0, 0);
    assertEquals(2, other.finish().size());
  }

  @Test
  void reuse_baseSequenceNumbersWrapAround() {
    client(ACK, 0, 0);
    client(SYN, 0xffffffffL, 0);
    assertEquals(1, traffic.finish().size(), "base is 0 - 1 = 0xffffffff");
  }

  @Test
  void vlanIsPartOfTheKeyAndTheRecordShowsTheOuterTag() {
    byte[] ip = Frames.segment(C, 1000, S, 80, SYN, 1, 0, 0);
    long t = 1_000_000_000L;
    traffic.sendFrame(LinkTypes.ETHERNET, Frames.ethernetTagged(0x0800, ip, 0x8100, 10), t)
        .sendFrame(LinkTypes.ETHERNET, Frames.ethernetTagged(0x0800, ip, 0x8100, 20), t + 1)
        .sendFrame(LinkTypes.ETHERNET, Frames.ethernetTagged(0x0800, ip, 0x88a8, 10, 0x8100, 5), t + 2)
        .sendFrame(LinkTypes.ETHERNET, Frames.ethernet(0x0800, ip), t + 3);
    List<FlowRecord> records = traffic.finish();
    assertEquals(4, records.size());
    assertEquals(10, records.get(0).vlan());
    assertEquals(20, records.get(1).vlan());
    assertEquals(10, records.get(2).vlan(), "QinQ: the outer tag");
    assertNull(records.get(3).vlan());
  }

  @Test
  void ipv6FlowsPrintRfc5952Addresses() {
    traffic.send("2001:DB8:0:0::1", 51000, "2001:db8::2", 443, SYN, 1, 0, 0)
        .send("2001:db8::2", 443, "2001:db8::1", 51000, SYN | ACK, 1, 2, 0);
    FlowRecord flow = traffic.finish().get(0);
    assertEquals(6, flow.ipVersion());
    assertEquals("2001:db8::1", flow.client().ip());
    assertEquals("2001:db8::2", flow.server().ip());
  }

  @Test
  void ipv4AndIpv6WithTheSameLowBitsAreDifferentFlows() {
    traffic.send("0.0.0.1", 1000, "0.0.0.2", 80, SYN, 1, 0, 0)
        .send("::1", 1000, "::2", 80, SYN, 1, 0, 0);
    assertEquals(2, traffic.finish().size());
  }

  @Test
  void timestampsTakeTheEarliestAndLatestPacket() {
    byte[] syn = Frames.segment(C, 1000, S, 80, SYN, 1, 0, 0);
    byte[] ack = Frames.segment(C, 1000, S, 80, ACK, 2, 1, 0);
    traffic.sendFrame(LinkTypes.RAW, syn, 5_000).sendFrame(LinkTypes.RAW, ack, 3_000)
        .sendFrame(LinkTypes.RAW, ack, 4_000);
    FlowRecord flow = traffic.finish().get(0);
    assertEquals(3_000, flow.firstSeenNanos());
    assertEquals(5_000, flow.lastSeenNanos());
  }

  @Test
  void finishTwiceEmitsNothingMore() {
    client(SYN, 1, 0);
    assertEquals(1, traffic.finish().size());
    traffic.tracker.finish();
    assertEquals(1, traffic.emitted.size());
    assertEquals(0, traffic.tracker.active());
    assertEquals(1, traffic.tracker.emitted());
  }

  @Test
  void manyFlowsGrowTheTableAndStayFindable() {
    for (int i = 0; i < 5000; i++) {
      traffic.send("10.1." + (i >> 8) + "." + (i & 0xff), 40000 + i % 100, S, 80, SYN, i, 0, 0);
    }
    for (int i = 0; i < 5000; i++) {
      traffic.send(S, 80, "10.1." + (i >> 8) + "." + (i & 0xff), 40000 + i % 100, SYN | ACK, 7, i + 1, 0);
    }
    assertEquals(5000, traffic.tracker.active());
    List<FlowRecord> records = traffic.finish();
    assertEquals(5000, records.size());
    for (int i = 0; i < 5000; i++) {
      assertEquals(i, records.get(i).flowId());
      assertEquals(2, packets(records.get(i)));
    }
  }
}
