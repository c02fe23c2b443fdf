package io.portflow.analyze;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a live capture needs beyond frames in and records out: the open flows as records so far,
 * expiry driven by the wall clock while no frame arrives, and a word when a flow starts.
 */
class LiveHooksTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private final List<FlowRecord> finished = new ArrayList<>();
  private final List<FlowRecord> started = new ArrayList<>();
  private final FlowAnalyzer analyzer =
      new FlowAnalyzer(AnalyzerConfig.defaults(), finished::add, started::add);

  private void send(long at, String src, int srcPort, String dst, int dstPort, int flags, long seq, long ack,
      int payload) {
    byte[] frame = segment(src, srcPort, dst, dstPort, flags, seq, ack, payload);
    analyzer.onFrame(at, LinkTypes.RAW, frame, 0, frame.length, frame.length);
  }

  private void handshake(long at, int clientPort) {
    send(at, "10.0.0.2", clientPort, "10.0.0.1", 80, SYN, 100, 0, 0);
    send(at + MS, "10.0.0.1", 80, "10.0.0.2", clientPort, SYN | ACK, 500, 101, 0);
    send(at + 2 * MS, "10.0.0.2", clientPort, "10.0.0.1", 80, ACK, 101, 501, 0);
  }

  @Test
  void openFlows_areRecordsSoFarInIdOrder() {
    handshake(T0, 40001);
    handshake(T0 + 10 * MS, 40002);
    send(T0 + 20 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, ACK, 101, 501, 300);

    List<FlowRecord> open = analyzer.openFlows();
    assertEquals(List.of(0L, 1L), open.stream().map(FlowRecord::flowId).toList());
    FlowRecord first = open.get(0);
    assertEquals("10.0.0.2", first.client().ip());
    assertEquals(80, first.server().port());
    assertEquals(RoleSource.SYN, first.roleSource());
    assertEquals(3, first.clientToServer().packets());
    assertEquals(300, first.clientToServer().payloadBytes());
    assertEquals(1, first.serverToClient().packets());
    assertEquals("S1", first.connState());
    assertNull(first.endReason(), "an open connection has no end reason yet");
    assertEquals(List.of(), finished, "asking emits nothing");
    assertEquals(2, analyzer.activeFlows());
  }

  @Test
  void openFlows_closedButLingeringSaysHowItEnded() {
    handshake(T0, 40001);
    send(T0 + 3 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, FIN | ACK, 101, 501, 0);
    send(T0 + 4 * MS, "10.0.0.1", 80, "10.0.0.2", 40001, FIN | ACK, 501, 102, 0);

    assertEquals(EndReason.FIN, analyzer.openFlows().get(0).endReason());
  }

  @Test
  void expireIdle_finishesClosedFlowsAfterTheLingerWithoutAFrame() {
    handshake(T0, 40001);
    send(T0 + 3 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, FIN | ACK, 101, 501, 0);
    send(T0 + 4 * MS, "10.0.0.1", 80, "10.0.0.2", 40001, FIN | ACK, 501, 102, 0);

    analyzer.expireIdle(T0 + 4 * MS + AnalyzerConfig.CLOSE_LINGER.toNanos() - 1);
    assertEquals(List.of(), finished);
    analyzer.expireIdle(T0 + 4 * MS + AnalyzerConfig.CLOSE_LINGER.toNanos());
    assertEquals(1, finished.size());
    assertEquals(EndReason.FIN, finished.get(0).endReason());
    assertEquals(List.of(), analyzer.openFlows());
  }

  @Test
  void expireIdle_finishesSilentFlowsAfterTheIdleTimeout() {
    handshake(T0, 40001);
    long last = T0 + 2 * MS;
    analyzer.expireIdle(last + AnalyzerConfig.DEFAULT_IDLE_TIMEOUT.toNanos() - SECOND);
    assertEquals(List.of(), finished);
    analyzer.expireIdle(last + AnalyzerConfig.DEFAULT_IDLE_TIMEOUT.toNanos());
    assertEquals(1, finished.size());
    assertEquals(EndReason.IDLE_TIMEOUT, finished.get(0).endReason());
    assertEquals(last, finished.get(0).lastSeenNanos(), "the record ends at its last packet, not at the tick");
  }

  @Test
  void expireIdle_aFrameStampedBeforeTheTickStillCounts() {
    handshake(T0, 40001);
    analyzer.expireIdle(T0 + 100 * MS);
    send(T0 + 50 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, ACK, 101, 501, 10);
    analyzer.expireIdle(T0 + 40 * MS); // the clock never goes back

    List<FlowRecord> open = analyzer.openFlows();
    assertEquals(1, open.size());
    assertEquals(3, open.get(0).clientToServer().packets());
    assertEquals(T0 + 50 * MS, open.get(0).lastSeenNanos());
  }

  @Test
  void flowStarted_onceForEachNewFlowWithItsFirstPacket() {
    handshake(T0, 40001);
    send(T0 + 10 * MS, "10.0.0.2", 40002, "10.0.0.1", 80, SYN, 100, 0, 0);

    assertEquals(List.of(0L, 1L), started.stream().map(FlowRecord::flowId).toList());
    FlowRecord first = started.get(0);
    assertEquals("10.0.0.2", first.client().ip());
    assertEquals(40001, first.client().port());
    assertEquals(1, first.clientToServer().packets());
    assertEquals(0, first.serverToClient().packets());
    assertNull(first.endReason());
  }

  @Test
  void flowStarted_alsoForANewConnectionReusingTheFourTuple() {
    handshake(T0, 40001);
    send(T0 + 3 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, FIN | ACK, 101, 501, 0);
    send(T0 + 4 * MS, "10.0.0.1", 80, "10.0.0.2", 40001, FIN | ACK, 501, 102, 0);
    send(T0 + 5 * MS, "10.0.0.2", 40001, "10.0.0.1", 80, SYN, 9000, 0, 0);

    assertEquals(List.of(0L, 1L), started.stream().map(FlowRecord::flowId).toList());
    assertEquals(List.of(0L), finished.stream().map(FlowRecord::flowId).toList());
    assertEquals(EndReason.FIN, finished.get(0).endReason());
  }
}
