package io.portflow.analyze.tcp;

import static io.portflow.analyze.tcp.TcpFlags.ACK;
import static io.portflow.analyze.tcp.TcpFlags.FIN;
import static io.portflow.analyze.tcp.TcpFlags.PSH;
import static io.portflow.analyze.tcp.TcpFlags.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Per-direction counters, handshake RTT, offered options, and sequence wraparound. */
class TcpDirectionDetailTest {

  @Test
  void inOrderData_countsNothing() {
    Dialogue d = new Dialogue(true).handshake().a(PSH | ACK, 100).a(PSH | ACK, 100).b(ACK);
    TcpDirectionDetail a = d.state.detail(true);
    assertEquals(0, a.retransmittedSegments());
    assertEquals(0, a.retransmittedBytes());
    assertEquals(0, a.outOfOrderSegments());
  }

  @Test
  void fullRetransmission_countsSegmentAndBytes() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    d.a(PSH | ACK, 100).a(PSH | ACK, 100).aAt(seq, PSH | ACK, 100);
    TcpDirectionDetail a = d.state.detail(true);
    assertEquals(1, a.retransmittedSegments());
    assertEquals(100, a.retransmittedBytes());
    assertEquals(0, a.outOfOrderSegments());
    assertEquals(1, a.zeekRetransmissions());
  }

  @Test
  void partialOverlap_countsOnlyTheRepeatedBytes() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    d.a(PSH | ACK, 100).aAt(seq + 50, PSH | ACK, 100);
    TcpDirectionDetail a = d.state.detail(true);
    assertEquals(1, a.retransmittedSegments());
    assertEquals(50, a.retransmittedBytes());
    assertEquals(0, a.outOfOrderSegments(), "its new bytes are beyond the highest seen");
  }

  @Test
  void segmentFillingHole_isOutOfOrderNotRetransmission() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    d.aAt(seq + 100, PSH | ACK, 100).aAt(seq, PSH | ACK, 100);
    TcpDirectionDetail a = d.state.detail(true);
    assertEquals(1, a.outOfOrderSegments());
    assertEquals(0, a.retransmittedSegments());
    assertEquals(0, a.retransmittedBytes());
    // Zeek's 't' does not tell the two apart: the late segment did not advance the highest seq.
    assertEquals(1, a.zeekRetransmissions());
  }

  @Test
  void directionsAreCountedSeparately() {
    Dialogue d = new Dialogue(true).handshake();
    long bSeq = d.bNext;
    d.b(PSH | ACK, 30).bAt(bSeq, PSH | ACK, 30).bAt(bSeq, PSH | ACK, 30);
    assertEquals(2, d.state.detail(false).retransmittedSegments());
    assertEquals(60, d.state.detail(false).retransmittedBytes());
    assertEquals(0, d.state.detail(true).retransmittedSegments());
  }

  @Test
  void zeroWindowEvents_perAdvertisingSide() {
    Dialogue d = new Dialogue(true).handshake();
    d.window(0).b(ACK).window(0).b(ACK).window(0).a(ACK);
    assertEquals(2, d.state.detail(false).zeroWindowEvents());
    assertEquals(1, d.state.detail(true).zeroWindowEvents());
  }

  @Test
  void handshakeRtt_synToSynAckAndSynAckToAck() {
    Dialogue d = new Dialogue(true);
    d.a(SYN);
    d.after(29).b(SYN | ACK); // Dialogue adds 1 ms per segment: 30 ms after the SYN
    d.after(9).a(ACK); // 10 ms after the SYN+ACK
    assertEquals(30 * Dialogue.MS, d.state.synToSynAckNanos());
    assertEquals(10 * Dialogue.MS, d.state.synAckToAckNanos());
  }

  @Test
  void handshakeRtt_usesTheLastSynBeforeTheAnswer() {
    Dialogue d = new Dialogue(true);
    d.a(SYN);
    d.after(999).aAt(Dialogue.A_ISN, SYN, 0); // retransmitted after 1 s
    d.after(19).b(SYN | ACK);
    assertEquals(20 * Dialogue.MS, d.state.synToSynAckNanos());
    assertEquals(-1, d.state.synAckToAckNanos());
  }

  @Test
  void handshakeRtt_unknownWithoutHandshake() {
    Dialogue d = new Dialogue(true).a(PSH | ACK, 10).b(ACK);
    assertEquals(-1, d.state.synToSynAckNanos());
    assertEquals(-1, d.state.synAckToAckNanos());
  }

  @Test
  void handshakeRtt_ignoresSynAckForAnotherSyn() {
    Dialogue d = new Dialogue(true).a(SYN);
    d.state.onSegment(false, SYN | ACK, Dialogue.B_ISN, Dialogue.A_ISN + 77, 0, 0xffff, d.nanos);
    assertEquals(-1, d.state.synToSynAckNanos());
  }

  @Test
  void options_areRecordedPerSide() {
    Dialogue d = new Dialogue(true);
    d.state.onOptions(true, 1460, 7, true);
    d.a(SYN);
    d.state.onOptions(false, 1400, -1, false);
    d.b(SYN | ACK);
    TcpDirectionDetail a = d.state.detail(true);
    TcpDirectionDetail b = d.state.detail(false);
    assertEquals(1460, a.mss());
    assertEquals(7, a.windowScale());
    assertTrue(a.sackPermitted());
    assertEquals(1400, b.mss());
    assertEquals(-1, b.windowScale());
    assertFalse(b.sackPermitted());
  }

  @Test
  void sequenceWraparound_noFalseRetransmissionAndRightSize() {
    Dialogue d = new Dialogue(true, 0xffffff00L, 0x1000L).handshake();
    d.a(PSH | ACK, 0x200); // crosses 2^32
    d.a(PSH | ACK, 0x200);
    d.b(ACK);
    assertEquals("ShADa", d.history());
    assertEquals(0, d.state.detail(true).zeekRetransmissions());
    assertEquals(0, d.state.detail(true).retransmittedSegments());

    d.aAt(0xffffff01L, PSH | ACK, 0x200); // the first segment again, from before the wrap
    assertEquals("ShADaT", d.history());
    assertEquals(1, d.state.detail(true).retransmittedSegments());
    assertEquals(0x200, d.state.detail(true).retransmittedBytes());

    d.a(FIN | ACK).b(FIN | ACK).a(ACK);
    assertEquals("SF", d.connState());
    assertEquals(0x400, d.state.size(true));
  }

  @Test
  void truncatedPayload_isMissingDataForZeekGaps() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    // 100 bytes on the wire, 40 captured: Zeek's reassembler never sees them.
    d.state.onSegment(true, PSH | ACK, seq, d.bNext, 100, 40, 0xffff, d.nanos);
    d.aNext = seq + 100;
    d.b(ACK);
    assertEquals("ShADaG", d.history());
    assertEquals(0, d.state.detail(true).retransmittedSegments());
  }
}
