package io.portflow.analyze.tcp;

import static io.portflow.analyze.tcp.TcpFlags.ACK;
import static io.portflow.analyze.tcp.TcpFlags.FIN;
import static io.portflow.analyze.tcp.TcpFlags.PSH;
import static io.portflow.analyze.tcp.TcpFlags.RST;
import static io.portflow.analyze.tcp.TcpFlags.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every conn_state, reached the way Zeek reaches it, plus what the flow table reads. */
class TcpConnectionStateTest {

  @Test
  void s0_synWithoutReply() {
    Dialogue d = new Dialogue(true).a(SYN);
    assertEquals("S", d.history());
    assertEquals("S0", d.connState());
    assertEquals(EndpointState.SYN_SENT, d.state.state(true));
    assertEquals(EndpointState.INACTIVE, d.state.state(false));
  }

  @Test
  void s1_handshakeNoClose() {
    Dialogue d = new Dialogue(true).handshake();
    assertEquals("ShA", d.history());
    assertEquals("S1", d.connState());
    assertTrue(d.state.established());
    assertFalse(d.state.terminated());
  }

  @Test
  void sf_normalEstablishmentAndTermination() {
    Dialogue d =
        new Dialogue(true)
            .handshake()
            .a(PSH | ACK, 5)
            .b(ACK)
            .b(PSH | ACK, 2)
            .a(ACK)
            .a(FIN | ACK)
            .b(FIN | ACK)
            .a(ACK);
    assertEquals("ShADadFf", d.history());
    assertEquals("SF", d.connState());
    assertTrue(d.state.terminated());
    assertEquals(5, d.state.size(true));
    assertEquals(2, d.state.size(false));
  }

  @Test
  void rej_synAnsweredByRst() {
    Dialogue d = new Dialogue(true).a(SYN).b(RST | ACK);
    assertEquals("Sr", d.history());
    assertEquals("REJ", d.connState());
  }

  @Test
  void s2_onlyOriginatorCloses() {
    Dialogue d = new Dialogue(true).handshake().a(FIN | ACK);
    assertEquals("ShAF", d.history());
    assertEquals("S2", d.connState());
  }

  @Test
  void s3_onlyResponderCloses() {
    Dialogue d = new Dialogue(true).handshake().b(FIN | ACK);
    assertEquals("ShAf", d.history());
    assertEquals("S3", d.connState());
  }

  @Test
  void rsto_originatorAborts() {
    Dialogue d = new Dialogue(true).handshake().a(RST | ACK);
    assertEquals("ShAR", d.history());
    assertEquals("RSTO", d.connState());
    assertTrue(d.state.terminated());
  }

  @Test
  void rstr_responderAborts() {
    Dialogue d = new Dialogue(true).handshake().a(PSH | ACK, 10).b(RST | ACK);
    assertEquals("ShADr", d.history());
    assertEquals("RSTR", d.connState());
  }

  @Test
  void rstos0_synThenOwnRst() {
    Dialogue d = new Dialogue(true).a(SYN).a(RST);
    assertEquals("SR", d.history());
    assertEquals("RSTOS0", d.connState());
  }

  @Test
  void rstrh_synAckThenRstWithoutSyn() {
    // The client's SYN was not captured: the flow table names B the client.
    Dialogue d = new Dialogue(false).a(SYN | ACK).a(RST);
    assertEquals("^hr", d.history());
    assertEquals("RSTRH", d.connState());
  }

  @Test
  void sh_synThenFinWithoutSynAck() {
    Dialogue d = new Dialogue(true).a(SYN).a(FIN);
    assertEquals("SF", d.history());
    assertEquals("SH", d.connState());
  }

  @Test
  void shr_synAckThenFinWithoutSyn() {
    Dialogue d = new Dialogue(false).a(SYN | ACK).a(FIN | ACK);
    assertEquals("^hf", d.history());
    assertEquals("SHR", d.connState());
  }

  @Test
  void oth_midstreamPickup() {
    Dialogue d = new Dialogue(true).a(PSH | ACK, 100).b(ACK);
    assertEquals("Da", d.history());
    assertEquals("OTH", d.connState());
    assertEquals(EndpointState.PARTIAL, d.state.state(true));
    assertEquals(EndpointState.PARTIAL, d.state.state(false));
  }

  // Zeek's own test scripts.base.protocols.conn.conn_state-RST-behavior, in its order:
  // R/OTH, SR/RSTOS0, SaR/RSTOS0, SaFR/OTH.

  @Test
  void loneRst_isOth() {
    Dialogue d = new Dialogue(true).a(RST);
    assertEquals("R", d.history());
    assertEquals("OTH", d.connState());
  }

  @Test
  void synAckedBeforeAnswerThenRst_isStillRstos0() {
    // The responder's bare ACK of the SYN does not make it active (Zeek's "eccentric TCPs").
    Dialogue d = new Dialogue(true).a(SYN).b(ACK).a(RST);
    assertEquals("SaR", d.history());
    assertEquals("RSTOS0", d.connState());
    assertEquals(EndpointState.INACTIVE, d.state.state(false));
  }

  @Test
  void synThenFinThenRst_isOth() {
    Dialogue d = new Dialogue(true).a(SYN).b(ACK).a(FIN).a(RST);
    assertEquals("SaFR", d.history());
    assertEquals("OTH", d.connState());
  }

  @Test
  void finThenRstAfterBothClosed_staysSf() {
    Dialogue d =
        new Dialogue(true).handshake().a(FIN | ACK).b(FIN | ACK).a(ACK).a(RST);
    assertEquals("SF", d.connState());
    assertEquals(EndpointState.CLOSED, d.state.state(true));
  }

  @Test
  void rstAfterOwnFinWhilePeerOpen_isRsto() {
    Dialogue d = new Dialogue(true).handshake().a(FIN | ACK).a(RST);
    assertEquals("ShAFR", d.history());
    assertEquals("RSTO", d.connState());
  }

  @Test
  void connStateForOtherClient_swapsRoles() {
    Dialogue d = new Dialogue(true).handshake().a(FIN | ACK);
    assertEquals("S2", d.state.connState(true));
    assertEquals("S3", d.state.connState(false));
    assertEquals("^sHaf", d.state.history(false));
  }

  @Test
  void synSynAckReversal_flipsRolesLikeZeek() {
    // Two capture interfaces: the SYN+ACK is seen before the SYN it answers.
    Dialogue d = new Dialogue(true, 0x5000, 0x9000);
    d.state.onSegment(true, SYN | ACK, 0x5000, 0x9001, 0, 0xffff, d.nanos);
    d.state.onSegment(false, SYN, 0x9000, 0, 0, 0xffff, d.nanos + 1);
    d.state.onSegment(false, ACK, 0x9001, 0x5001, 0, 0xffff, d.nanos + 2);
    assertFalse(d.state.originatorIsA());
    assertEquals("Hs^A", d.history());
    assertEquals("S1", d.connState());
  }

  @Test
  void isReuse_onlyForSynWithNewIsnOrAfterClose() {
    Dialogue d = new Dialogue(true).a(SYN);
    assertFalse(d.state.isReuse(SYN, Dialogue.A_ISN), "retransmitted SYN");
    assertTrue(d.state.isReuse(SYN, Dialogue.A_ISN + 12345), "new ISN");
    assertFalse(d.state.isReuse(ACK, Dialogue.A_ISN + 12345), "not a SYN");

    Dialogue closed = new Dialogue(true).handshake().a(FIN | ACK).b(FIN | ACK);
    assertTrue(closed.state.closed(true));
    assertTrue(closed.state.isReuse(SYN, Dialogue.A_ISN));
  }

  @Test
  void initialSeqAndLastActivity() {
    Dialogue d = new Dialogue(true).handshake();
    assertEquals(Dialogue.A_ISN, d.state.initialSeq(true));
    assertEquals(Dialogue.B_ISN, d.state.initialSeq(false));
    assertEquals(-1, new Dialogue(true).a(ACK).state.initialSeq(true));

    d.a(FIN | ACK).b(FIN | ACK);
    long closedAt = d.state.lastActivityNanos();
    d.after(1000).a(ACK);
    assertEquals(closedAt, d.state.lastActivityNanos(), "the final ACK is not activity");
  }

  @Test
  void negativePayloadLength_isTreatedAsNone() {
    Dialogue d = new Dialogue(true).handshake();
    d.state.onSegment(true, PSH | ACK, d.aNext, d.bNext, -20, 0, 0xffff, d.nanos);
    assertEquals("ShA", d.history());
    assertEquals("S1", d.connState());
  }

  @Test
  void reset_forgetsEverything() {
    Dialogue d = new Dialogue(true).handshake().a(RST);
    d.state.reset(false);
    assertEquals("^", d.history());
    assertEquals("OTH", d.connState());
    assertFalse(d.state.terminated());
    assertFalse(d.state.established());
  }
}
