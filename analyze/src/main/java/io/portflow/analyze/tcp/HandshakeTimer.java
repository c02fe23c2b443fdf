package io.portflow.analyze.tcp;

/**
 * Handshake round-trip times at the capture point: SYN to SYN+ACK (the server side of the path)
 * and SYN+ACK to the ACK that completes the handshake (the client side). The latest SYN before the
 * answer is used, so a retransmitted SYN does not add its retransmission timeout to the RTT.
 */
final class HandshakeTimer {
  private long synNanos;
  private boolean synFromA;
  private long synSeq;
  private long synAckNanos;
  private long synAckSeq;
  long synToSynAckNanos;
  long synAckToAckNanos;

  HandshakeTimer() {
    reset();
  }

  void reset() {
    synNanos = synAckNanos = -1;
    synToSynAckNanos = synAckToAckNanos = -1;
    synSeq = synAckSeq = 0;
    synFromA = false;
  }

  void onSegment(boolean fromA, int flags, long seq, long ack, long nanos) {
    if (synAckToAckNanos < 0 && !TcpFlags.rst(flags)) {
      time(fromA, flags, seq, ack, nanos); // the rest of a connection's segments stop here
    }
  }

  private void time(boolean fromA, int flags, long seq, long ack, long nanos) {
    boolean syn = TcpFlags.syn(flags);
    boolean acked = TcpFlags.ack(flags);
    if (syn && !acked) {
      if (synToSynAckNanos < 0) {
        synNanos = nanos;
        synFromA = fromA;
        synSeq = seq;
      }
    } else if (syn) {
      if (synNanos >= 0 && fromA != synFromA && ack == Seq.u32(synSeq + 1)) {
        if (synToSynAckNanos < 0) {
          synToSynAckNanos = nanos - synNanos;
        }
        synAckNanos = nanos;
        synAckSeq = seq;
      }
    } else if (acked
        && synAckNanos >= 0
        && fromA == synFromA
        && Seq.delta(ack, synAckSeq + 1) >= 0) {
      synAckToAckNanos = nanos - synAckNanos;
    }
  }
}
