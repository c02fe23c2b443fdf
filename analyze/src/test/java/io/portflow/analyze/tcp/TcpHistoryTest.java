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

/** The history letters and their repeat rules (main.zeek's table, TCPSessionAdapter's code). */
class TcpHistoryTest {

  @Test
  void synRetransmittedWithSameSeq_recordsOneS() {
    Dialogue d = new Dialogue(true).a(SYN).after(1000).aAt(Dialogue.A_ISN, SYN, 0);
    assertEquals("S", d.history());
  }

  @Test
  void synWithNewIsnWhileWaiting_isRebasedAndRecordsOneS() {
    // Zeek restarts the side's numbering at a SYN with a new ISN ("SYN_seq_jump"), so the
    // relative sequence is 0 again. (The flow table would treat that SYN as reuse anyway.)
    Dialogue d = new Dialogue(true).a(SYN).aAt(Dialogue.A_ISN + 5000, SYN, 0);
    assertEquals("S", d.history());
  }

  @Test
  void synAfterOwnReset_withNewSeq_repeatsS() {
    Dialogue d = new Dialogue(true).a(SYN).a(RST).aAt(Dialogue.A_ISN + 5000, SYN, 0);
    assertEquals("SRS", d.history());
  }

  @Test
  void synAckRetransmitted_recordsOneH() {
    Dialogue d = new Dialogue(true).a(SYN).b(SYN | ACK).bAt(Dialogue.B_ISN, SYN | ACK, 0);
    assertEquals("Sh", d.history());
  }

  @Test
  void finRepeatsOnlyWhenItsSequenceEndMoves() {
    Dialogue d = new Dialogue(true).handshake();
    long finSeq = d.aNext;
    d.a(FIN | ACK).aAt(finSeq, FIN | ACK, 0);
    assertEquals("ShAF", d.history(), "same FIN again");
    d.aAt(finSeq, FIN | PSH | ACK, 10);
    assertEquals("ShAFF", d.history(), "FIN now after 10 bytes");
  }

  @Test
  void rstRepeatsOnlyWithNewSeq() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    d.aAt(seq, RST, 0).aAt(seq, RST, 0);
    assertEquals("ShAR", d.history());
    d.aAt(seq + 100, RST, 0);
    assertEquals("ShARR", d.history());
  }

  @Test
  void ackAndDataAreRecordedOncePerDirection() {
    Dialogue d = new Dialogue(true).handshake();
    for (int i = 0; i < 5; i++) {
      d.a(PSH | ACK, 100).b(ACK).b(PSH | ACK, 10).a(ACK);
    }
    assertEquals("ShADad", d.history());
  }

  @Test
  void retransmittedPayload_isLogarithmic() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.aNext;
    d.a(PSH | ACK, 100);
    d.aAt(seq, PSH | ACK, 100);
    assertEquals("ShADT", d.history(), "1st retransmission");
    for (int i = 2; i <= 9; i++) {
      d.aAt(seq, PSH | ACK, 100);
    }
    assertEquals("ShADT", d.history(), "9 retransmissions");
    d.aAt(seq, PSH | ACK, 100);
    assertEquals("ShADTT", d.history(), "10th");
    for (int i = 11; i <= 100; i++) {
      d.aAt(seq, PSH | ACK, 100);
    }
    assertEquals("ShADTTT", d.history(), "100th");
    assertEquals(100, d.state.detail(true).zeekRetransmissions());
  }

  @Test
  void retransmissionOfResponder_isLowerCaseT() {
    Dialogue d = new Dialogue(true).handshake();
    long seq = d.bNext;
    d.b(PSH | ACK, 50).bAt(seq, PSH | ACK, 50);
    assertEquals("ShAdt", d.history());
  }

  @Test
  void zeroWindow_isRecordedButNotWithRst() {
    Dialogue d = new Dialogue(true).handshake().window(0).b(ACK);
    assertEquals("ShAaw", d.history());
    assertEquals(1, d.state.detail(false).zeroWindowEvents());

    Dialogue rst = new Dialogue(true).handshake().window(0).b(RST);
    assertEquals("ShAr", rst.history());
    assertEquals(0, rst.state.detail(false).zeroWindowEvents());
  }

  @Test
  void zeroWindowAfterPeerFin_isNotCounted() {
    Dialogue d = new Dialogue(true).handshake().a(FIN | ACK).window(0).b(ACK);
    assertEquals("ShAFa", d.history());
  }

  @Test
  void zeroWindow_tenthEarnsSecondW() {
    Dialogue d = new Dialogue(true).handshake();
    for (int i = 0; i < 10; i++) {
      d.window(0).b(ACK);
    }
    assertEquals("ShAaww", d.history());
  }

  @Test
  void synFin_isMultiFlagQ_once() {
    Dialogue d = new Dialogue(true).a(SYN | FIN).a(SYN | FIN).a(SYN | RST);
    assertEquals("Q", d.history());
  }

  @Test
  void finRst_isInconsistentI() {
    Dialogue d = new Dialogue(true).handshake().b(FIN | RST | ACK);
    assertEquals("ShAi", d.history());
  }

  @Test
  void checksumErrors_areLogarithmic() {
    Dialogue d = new Dialogue(true);
    for (int i = 0; i < 10; i++) {
      d.state.onChecksumError(false);
    }
    assertEquals("cc", d.history());
    assertEquals("OTH", d.connState());
  }

  @Test
  void ackForUnseenData_isContentGap() {
    Dialogue d = new Dialogue(true).handshake();
    d.aAt(d.aNext + 100, PSH | ACK, 100); // the first 100 bytes were not captured
    d.b(ACK);
    assertEquals("ShADaG", d.history());
    assertEquals(1, d.state.detail(true).contentGaps());
  }

  @Test
  void gapIsNotReportedBeforeEstablishment() {
    // Mid-stream pickup: both sides PARTIAL, so Zeek does not trust the gap.
    Dialogue d = new Dialogue(true).a(PSH | ACK, 100);
    d.bAt(d.bNext, ACK, 0);
    d.aAt(d.aNext + 1000, PSH | ACK, 100).b(ACK);
    assertEquals("Da", d.history());
  }

  @Test
  void flippedAtStart_historyBeginsWithCaret() {
    Dialogue d = new Dialogue(false).a(SYN | ACK).b(ACK).a(PSH | ACK, 10);
    assertEquals("^hAd", d.history());
    assertEquals("S1", d.connState());
  }

  @Test
  void historyForTheOtherClient_isMirrored() {
    Dialogue d = new Dialogue(true).handshake().a(PSH | ACK, 1);
    assertEquals("ShAD", d.state.history(true));
    assertEquals("^sHad", d.state.history(false));

    Dialogue flipped = new Dialogue(false).a(SYN | ACK).b(ACK);
    assertEquals("^hA", flipped.state.history(false));
    assertEquals("Ha", flipped.state.history(true));
  }

  @Test
  void scaledThreshold_isOneTenHundred() {
    assertTrue(TcpHistory.crossesScaledThreshold(1));
    assertFalse(TcpHistory.crossesScaledThreshold(2));
    assertFalse(TcpHistory.crossesScaledThreshold(9));
    assertTrue(TcpHistory.crossesScaledThreshold(10));
    assertFalse(TcpHistory.crossesScaledThreshold(11));
    assertTrue(TcpHistory.crossesScaledThreshold(100));
    assertTrue(TcpHistory.crossesScaledThreshold(1_000_000));
    assertFalse(TcpHistory.crossesScaledThreshold(0));
  }

  @Test
  void longHistory_growsPastInitialBuffer() {
    Dialogue d = new Dialogue(true).handshake();
    StringBuilder expected = new StringBuilder("ShA");
    for (int i = 0; i < 40; i++) {
      d.aAt(d.aNext + 1000L * i, RST, 0);
      expected.append('R');
    }
    assertEquals(expected.toString(), d.history());
  }
}
