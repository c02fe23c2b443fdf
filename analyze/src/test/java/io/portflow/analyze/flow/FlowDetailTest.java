package io.portflow.analyze.flow;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import io.portflow.analyze.testing.Frames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-direction TCP detail and the handshake round-trip times on the flow record. */
class FlowDetailTest {
  private static final String C = "10.0.0.1";
  private static final String S = "10.0.0.2";

  private final Traffic traffic = new Traffic();

  private FlowRecord only() {
    List<FlowRecord> records = traffic.finish();
    assertEquals(1, records.size());
    return records.get(0);
  }

  private void handshake() {
    traffic.send(C, 40000, S, 80, SYN, 100, 0, 0)
        .send(S, 80, C, 40000, SYN | ACK, 500, 101, 0)
        .send(C, 40000, S, 80, ACK, 101, 501, 0);
  }

  private void data(long seq, int length) {
    traffic.send(S, 80, C, 40000, PSH | ACK, seq, 101, length);
  }

  @Test
  void optionsOfferedInEachSidesSyn() {
    traffic.sendTcp(C, S, Frames.tcpWithOptions(40000, 80, 100, 0, SYN, "02 04 05 b4 04 02 01 03 03 07"))
        .sendTcp(S, C, Frames.tcpWithOptions(80, 40000, 500, 101, SYN | ACK, "02 04 05 64"));
    FlowRecord flow = only();
    assertEquals(1460, flow.clientToServer().mss());
    assertEquals(7, flow.clientToServer().windowScale());
    assertEquals(1380, flow.serverToClient().mss());
    assertNull(flow.serverToClient().windowScale(), "not offered");
  }

  @Test
  void noSynSeenMeansNoOptions() {
    data(501, 10);
    FlowRecord flow = only();
    assertNull(flow.serverToClient().mss());
    assertNull(flow.clientToServer().windowScale());
    assertEquals(0L, flow.serverToClient().retransmittedPackets());
  }

  @Test
  void retransmittedAndOutOfOrderSegments() {
    handshake();
    data(501, 100); // 1-100
    data(701, 100); // 201-300: a hole at 101-200
    data(601, 100); // fills the hole: out of order
    data(501, 100); // all seen before
    data(651, 100); // 151-250, inside what was seen
    data(801, 50); // new, in order
    FlowRecord flow = only();
    DirectionStats server = flow.serverToClient();
    assertEquals(2L, server.retransmittedPackets());
    assertEquals(200L, server.retransmittedBytes());
    assertEquals(1L, server.outOfOrderPackets());
    assertEquals(0L, flow.clientToServer().retransmittedPackets());
  }

  @Test
  void zeroWindowEventsCountPerSide() {
    handshake();
    traffic.sendWindow(C, 40000, S, 80, ACK, 101, 501, 0, 0)
        .sendWindow(C, 40000, S, 80, ACK, 101, 501, 0, 0)
        .sendWindow(C, 40000, S, 80, ACK, 101, 501, 0, 512);
    FlowRecord flow = only();
    assertEquals(2L, flow.clientToServer().zeroWindowEvents());
    assertEquals(0L, flow.serverToClient().zeroWindowEvents());
    assertEquals("ShAW", flow.history());
  }

  @Test
  void handshakeRoundTripTimes() {
    traffic.send(C, 40000, S, 80, SYN, 100, 0, 0)
        .pause(Duration.ofMillis(1_000)) // the SYN is retransmitted after 1 s
        .send(C, 40000, S, 80, SYN, 100, 0, 0)
        .pause(Duration.ofMillis(30))
        .send(S, 80, C, 40000, SYN | ACK, 500, 101, 0)
        .pause(Duration.ofMillis(2))
        .send(C, 40000, S, 80, ACK, 101, 501, 0);
    HandshakeRtt rtt = only().handshakeRtt();
    assertEquals(30_000_000, rtt.synToSynAckNanos(), "from the last SYN, not the first");
    assertEquals(2_000_000, rtt.synAckToAckNanos());
  }

  @Test
  void handshakeRoundTripUnknownWithoutTheHandshake() {
    traffic.send(C, 40000, S, 80, SYN, 100, 0, 0);
    HandshakeRtt rtt = only().handshakeRtt();
    assertFalse(rtt.hasSynToSynAck());
    assertFalse(rtt.hasSynAckToAck());
  }
}
