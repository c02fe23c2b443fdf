package io.portflow.analyze.tcp;

import static io.portflow.analyze.tcp.TcpFlags.ACK;
import static io.portflow.analyze.tcp.TcpFlags.FIN;
import static io.portflow.analyze.tcp.TcpFlags.RST;
import static io.portflow.analyze.tcp.TcpFlags.SYN;

/**
 * Feeds synthetic segments to a {@link TcpConnectionState}: each side's next sequence number and
 * the acknowledgement of the other side's are tracked, so a test reads like the exchange it models.
 */
final class Dialogue {
  static final long A_ISN = 0x10000000L;
  static final long B_ISN = 0x70000000L;
  static final long MS = 1_000_000L;

  final TcpConnectionState state;
  long aNext = A_ISN;
  long bNext = B_ISN;
  long nanos = 1_600_000_000_000_000_000L;
  private int window = 0xffff;

  Dialogue(boolean originatorIsA) {
    state = new TcpConnectionState(originatorIsA);
  }

  Dialogue(boolean originatorIsA, long aIsn, long bIsn) {
    this(originatorIsA);
    aNext = aIsn;
    bNext = bIsn;
  }

  /** A sends at its next sequence number, which then advances. */
  Dialogue a(int flags) {
    return a(flags, 0);
  }

  Dialogue a(int flags, int len) {
    send(true, flags, aNext, len);
    aNext = Seq.u32(aNext + consumed(flags, len));
    return this;
  }

  Dialogue b(int flags) {
    return b(flags, 0);
  }

  Dialogue b(int flags, int len) {
    send(false, flags, bNext, len);
    bNext = Seq.u32(bNext + consumed(flags, len));
    return this;
  }

  /** A sends at an explicit sequence number (a retransmission or a jump); next is not moved back. */
  Dialogue aAt(long seq, int flags, int len) {
    send(true, flags, seq, len);
    long end = Seq.u32(seq + consumed(flags, len));
    if (Seq.delta(end, aNext) > 0) {
      aNext = end;
    }
    return this;
  }

  Dialogue bAt(long seq, int flags, int len) {
    send(false, flags, seq, len);
    long end = Seq.u32(seq + consumed(flags, len));
    if (Seq.delta(end, bNext) > 0) {
      bNext = end;
    }
    return this;
  }

  /** The next segment carries this window; the default is 0xffff. */
  Dialogue window(int value) {
    window = value;
    return this;
  }

  Dialogue after(long ms) {
    nanos += ms * MS;
    return this;
  }

  /** The usual three-way handshake, A the client. */
  Dialogue handshake() {
    return a(SYN).b(SYN | ACK).a(ACK);
  }

  String history() {
    return state.history();
  }

  String connState() {
    return state.connState();
  }

  private void send(boolean fromA, int flags, long seq, int len) {
    long ack = (flags & ACK) != 0 ? (fromA ? bNext : aNext) : 0;
    state.onSegment(fromA, flags, seq, ack, len, window, nanos);
    window = 0xffff;
    nanos += MS;
  }

  private static long consumed(int flags, int len) {
    long n = (flags & RST) != 0 ? 0 : len;
    if ((flags & SYN) != 0) {
      n++;
    }
    if ((flags & FIN) != 0) {
      n++;
    }
    return n;
  }
}
