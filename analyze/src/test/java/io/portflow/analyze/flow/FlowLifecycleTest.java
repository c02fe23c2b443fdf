package io.portflow.analyze.flow;

import static io.portflow.analyze.LinkTypes.RAW;
import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.RST;
import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.testing.Frames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When flows finish by capture time, and the order they come out in. */
class FlowLifecycleTest {
  private static final String C = "10.0.0.1";
  private static final String S = "10.0.0.2";

  private final Traffic traffic = new Traffic();

  private Traffic client(int port, int flags, long seq, long ack) {
    return traffic.send(C, port, S, 80, flags, seq, ack, 0);
  }

  private Traffic server(int port, int flags, long seq, long ack) {
    return traffic.send(S, 80, C, port, flags, seq, ack, 0);
  }

  /** A handshake and a FIN exchange on client port {@code port}, 1 ms per segment. */
  private void closedConnection(int port) {
    client(port, SYN, 100, 0);
    server(port, SYN | ACK, 500, 101);
    client(port, FIN | ACK, 101, 501);
    server(port, FIN | ACK, 501, 102);
  }

  private static long packets(FlowRecord flow) {
    return flow.clientToServer().packets() + flow.serverToClient().packets();
  }

  @Test
  void closedFlowLingersFiveSecondsThenLeavesTheTable() {
    closedConnection(40000);
    traffic.pause(Duration.ofMillis(4_900));
    client(40000, ACK, 102, 502);
    assertEquals(0, traffic.emitted.size(), "a late ACK within the linger belongs to the flow");
    client(40001, SYN, 7, 0).pause(Duration.ofMillis(200));
    client(40001, SYN, 7, 0);
    assertEquals(1, traffic.emitted.size(), "5 s after the close, by capture time of any packet");
    FlowRecord closed = traffic.emitted.get(0);
    assertEquals(5, packets(closed));
    assertEquals(EndReason.FIN, closed.endReason());
    assertEquals(1, traffic.tracker.active());
  }

  @Test
  void packetsAfterTheLingerStartANewFlowOnTheSameTuple() {
    // Zeek's modbus trace: a RST, then more data seconds later on the same 4-tuple.
    client(40000, SYN, 100, 0);
    server(40000, SYN | ACK, 500, 101);
    client(40000, RST, 101, 0);
    traffic.pause(Duration.ofSeconds(6));
    traffic.send(S, 80, C, 40000, PSH | ACK, 501, 101, 5);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size());
    assertEquals("RSTO ShR", records.get(0).connState() + " " + records.get(0).history());
    assertEquals(EndReason.RST, records.get(0).endReason());
    assertEquals("OTH ^d", records.get(1).connState() + " " + records.get(1).history());
    assertEquals(C, records.get(1).client().ip(), "port 80 is the server's");
  }

  @Test
  void lingerIsNotExtendedByLatePackets() {
    closedConnection(40000);
    for (int i = 0; i < 4; i++) {
      traffic.pause(Duration.ofSeconds(1));
      client(40000, ACK, 102, 502);
    }
    traffic.pause(Duration.ofMillis(1_500));
    client(40000, ACK, 102, 502);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size(), "Zeek's close timer is set once, at the close");
    assertEquals(8, packets(records.get(0)));
    assertEquals("OTH A", records.get(1).connState() + " " + records.get(1).history());
  }

  @Test
  void openFlowIdleForFiveMinutesIsFinished() {
    client(40000, SYN, 100, 0);
    server(40000, SYN | ACK, 500, 101);
    client(40000, ACK, 101, 501);
    traffic.pause(Duration.ofSeconds(299));
    client(40000, ACK, 101, 501);
    traffic.pause(Duration.ofSeconds(299));
    client(40001, SYN, 1, 0);
    assertEquals(0, traffic.emitted.size(), "each packet starts the idle time again");
    traffic.pause(Duration.ofMillis(1_001));
    client(40001, SYN, 1, 0);
    assertEquals(1, traffic.emitted.size());
    FlowRecord idle = traffic.emitted.get(0);
    assertEquals(EndReason.IDLE_TIMEOUT, idle.endReason());
    assertEquals("S1", idle.connState());
  }

  @Test
  void idleTimeoutIsConfigurable() {
    Traffic quick = new Traffic(AnalyzerConfig.defaults().withIdleTimeout(Duration.ofSeconds(30)));
    quick.send(C, 40000, S, 80, SYN, 100, 0, 0).pause(Duration.ofSeconds(31))
        .send(C, 40000, S, 80, SYN, 100, 0, 0);
    List<FlowRecord> records = quick.finish();
    assertEquals(2, records.size(), "the retransmitted SYN came after the flow had expired");
    assertEquals(EndReason.IDLE_TIMEOUT, records.get(0).endReason());
    assertEquals(EndReason.END_OF_CAPTURE, records.get(1).endReason());
  }

  @Test
  void unansweredSynRetransmissionsStayOneFlow() {
    // Linux retries a SYN after 1, 3, 7, 15 and 31 s; Zeek's 5 s attempt timer would split them.
    for (int gap : new int[] {1, 2, 4, 8, 16}) {
      client(40000, SYN, 100, 0);
      traffic.pause(Duration.ofSeconds(gap));
    }
    client(40000, SYN, 100, 0);
    FlowRecord flow = traffic.finish().get(0);
    assertEquals(6, flow.clientToServer().packets());
    assertEquals("S0 S", flow.connState() + " " + flow.history());
  }

  @Test
  void expiredFlowsComeOutInDeadlineOrderThenByFlowId() {
    closedConnection(40001); // flows 0: closes at +4 ms
    client(40002, SYN, 1, 0); // 1: idle from +5 ms
    closedConnection(40003); // 2: closes at +9 ms
    client(40004, SYN, 1, 0); // 3: idle from +10 ms
    traffic.pause(Duration.ofMinutes(10));
    client(40005, SYN, 1, 0);
    assertEquals(List.of(0L, 2L, 1L, 3L),
        traffic.emitted.stream().map(FlowRecord::flowId).toList(),
        "lingering flows are due after 5 s, idle ones after 5 min");
  }

  @Test
  void sameDeadlineTiesBreakByFlowId() {
    byte[] a = io.portflow.analyze.testing.Frames.segment(C, 40002, S, 80, SYN, 1, 0, 0);
    byte[] b = io.portflow.analyze.testing.Frames.segment(C, 40001, S, 80, SYN, 1, 0, 0);
    traffic.sendFrame(io.portflow.analyze.LinkTypes.RAW, a, 1_000)
        .sendFrame(io.portflow.analyze.LinkTypes.RAW, b, 1_000);
    traffic.tracker.advance(1_000 + Duration.ofMinutes(5).toNanos());
    assertEquals(List.of(0L, 1L), traffic.emitted.stream().map(FlowRecord::flowId).toList());
  }

  @Test
  void manyFlowsExpiringInOneClockJumpComeOutByTheirLastPacket() {
    for (int port = 40000; port < 40005; port++) {
      client(port, SYN, 1, 0); // flows 0 to 4, in port order
    }
    for (int port : new int[] {40003, 40001, 40004, 40000, 40002, 40001}) {
      server(port, SYN | ACK, 9, 2); // each touch moves the flow's deadline past the others'
    }
    traffic.pause(Duration.ofMinutes(10));
    client(41000, SYN, 1, 0);
    assertEquals(List.of(3L, 4L, 0L, 2L, 1L),
        traffic.emitted.stream().map(FlowRecord::flowId).toList());
    assertEquals(1, traffic.tracker.active());
  }

  @Test
  void flowsMovingFromOpenToClosingExpireByTheirNewDeadline() {
    client(40000, SYN, 100, 0); // 0: opens first, closes last
    client(40001, SYN, 100, 0); // 1: stays open
    closedConnection(40002); // 2: closes at once
    server(40000, SYN | ACK, 500, 101);
    client(40000, FIN | ACK, 101, 501);
    client(40001, ACK, 101, 0); // 1: touched while 0 is half closed
    server(40000, FIN | ACK, 501, 102); // 0: closes now, lingers 5 s from here
    traffic.pause(Duration.ofSeconds(6));
    client(41000, SYN, 1, 0); // 3
    assertEquals(List.of(2L, 0L), traffic.emitted.stream().map(FlowRecord::flowId).toList(),
        "the lingering flows, by close time; the open one waits");
    traffic.pause(Duration.ofMinutes(10));
    client(41001, SYN, 1, 0);
    assertEquals(List.of(2L, 0L, 1L, 3L),
        traffic.emitted.stream().map(FlowRecord::flowId).toList());
  }

  @Test
  void udpAndTcpFlowsDueAtOnceInterleaveByDeadlineThenId() {
    Traffic both = new Traffic(AnalyzerConfig.defaults().withIdleTimeout(Duration.ofMinutes(1)));
    both.sendFrame(RAW, Frames.segment(C, 40000, S, 80, SYN, 1, 0, 0), 1_000); // 0
    both.sendFrame(RAW, Frames.datagram(C, 5000, S, 53, 10), 1_000); // 1
    both.sendFrame(RAW, Frames.datagram(C, 5001, S, 53, 10), 2_000); // 2
    both.sendFrame(RAW, Frames.segment(C, 40001, S, 80, SYN, 1, 0, 0), 2_000); // 3
    both.sendFrame(RAW, Frames.datagram(C, 5000, S, 53, 10), 3_000); // 1 again
    both.sendFrame(RAW, Frames.segment(C, 40002, S, 80, SYN, 1, 0, 0), 4_000); // 4
    both.sendFrame(RAW, Frames.datagram(C, 5002, S, 53, 10), 4_000); // 5
    both.tracker.advance(2_000 + Duration.ofMinutes(1).toNanos());
    assertEquals(List.of(0L, 2L, 3L), both.emitted.stream().map(FlowRecord::flowId).toList());
    both.tracker.advance(Duration.ofMinutes(2).toNanos());
    assertEquals(List.of(0L, 2L, 3L, 1L, 4L, 5L),
        both.emitted.stream().map(FlowRecord::flowId).toList());
  }

  @Test
  void aClockSteppingBackNeitherExpiresNorRevivesAnything() {
    byte[] syn = io.portflow.analyze.testing.Frames.segment(C, 40000, S, 80, SYN, 1, 0, 0);
    long t = 1_000_000_000_000L;
    traffic.sendFrame(io.portflow.analyze.LinkTypes.RAW, syn, t)
        .sendFrame(io.portflow.analyze.LinkTypes.RAW, syn, t - Duration.ofHours(1).toNanos());
    assertEquals(0, traffic.emitted.size());
    traffic.tracker.advance(t + Duration.ofMinutes(5).toNanos() - 1);
    assertEquals(0, traffic.emitted.size(), "the idle time counts from the latest clock, not the late frame");
    traffic.tracker.advance(t + Duration.ofMinutes(5).toNanos());
    assertEquals(1, traffic.emitted.size());
  }

  @Test
  void finishEmitsLingeringFlowsWithTheirCloseReasonInIdOrder() {
    client(40000, SYN, 100, 0);
    server(40000, RST | ACK, 0, 101);
    client(40001, SYN, 100, 0);
    closedConnection(40002);
    List<FlowRecord> records = traffic.finish();
    assertEquals(List.of(EndReason.RST, EndReason.END_OF_CAPTURE, EndReason.FIN),
        records.stream().map(FlowRecord::endReason).toList());
    assertEquals(0, traffic.tracker.active());
  }

  @Test
  void theTableHoldsOnlyTheFlowsAliveAtOnce() {
    for (int i = 0; i < 2_000; i++) {
      closedConnection(20000 + i);
      traffic.pause(Duration.ofMillis(100));
    }
    assertEquals(2_000 - traffic.tracker.active(), traffic.emitted.size());
    // One connection every 103 ms, each lingering 5 s after its last FIN: 48 lingering, 1 new.
    assertEquals(49, traffic.tracker.peakActive());
  }
}
