package io.portflow.analyze.tcp;

/**
 * One end of a TCP connection: Zeek's {@code TCP_Endpoint} fields that decide state and history,
 * plus this side's counters. Sequence numbers are unsigned 32-bit values held in longs; relative
 * sequence numbers are 64-bit, counted from the initial sequence number (1 = first data byte).
 */
final class TcpEndpoint {
  TcpEndpoint peer;
  /** Whether this side is the originator right now (changes when Zeek's rules flip the roles). */
  boolean orig;

  EndpointState state = EndpointState.INACTIVE;
  EndpointState prevState = EndpointState.INACTIVE;

  /** Initial sequence number (or the one Zeek fakes for a side first seen mid-stream). */
  long startSeq;
  /** One past the highest sequence number this side has sent. */
  long lastSeq;
  /** Highest acknowledgement the peer has sent for this side's data. */
  long ackSeq;
  int seqWraps;
  int ackWraps;

  int finCount;
  int rstCount;
  /** Relative sequence number one past the FIN. */
  long finSeq;
  /** Whether the close of this side has been reported (Zeek's did_close). */
  boolean didClose;

  long histLastSyn;
  long histLastFin;
  long histLastRst;

  /** Zeek's scaled counters, which also feed the per-direction detail. */
  long checksumErrors;
  long retransmissions;
  long zeroWindows;
  long gaps;

  /** Portflow's counters: payload segments carrying bytes seen before, and those bytes. */
  long retransmittedSegments;
  long retransmittedBytes;
  /** Payload segments bringing new bytes below the highest byte already seen. */
  long outOfOrderSegments;

  /** Sequence number of the last SYN this side sent, or -1. */
  long synSeq = -1;
  int mss = -1;
  int windowScale = -1;
  boolean sackPermitted;

  final StreamCoverage coverage = new StreamCoverage();

  void reset(boolean orig) {
    this.orig = orig;
    state = prevState = EndpointState.INACTIVE;
    startSeq = lastSeq = ackSeq = 0;
    seqWraps = ackWraps = 0;
    finCount = rstCount = 0;
    finSeq = 0;
    didClose = false;
    histLastSyn = histLastFin = histLastRst = 0;
    checksumErrors = retransmissions = zeroWindows = gaps = 0;
    retransmittedSegments = retransmittedBytes = outOfOrderSegments = 0;
    synSeq = -1;
    mss = windowScale = -1;
    sackPermitted = false;
    coverage.reset();
  }

  void setState(EndpointState next) {
    if (next != state) {
      prevState = state;
      state = next;
    }
  }

  void initStartSeq(long seq) {
    startSeq = Seq.u32(seq);
  }

  void initLastSeq(long seq) {
    lastSeq = Seq.u32(seq);
  }

  void initAckSeq(long seq) {
    ackSeq = Seq.u32(seq);
  }

  void updateLastSeq(long seq) {
    if (seq < lastSeq) {
      ++seqWraps;
    }
    lastSeq = seq;
  }

  void updateAckSeq(long seq) {
    if (seq < ackSeq) {
      ++ackWraps;
    }
    ackSeq = seq;
  }

  static long fullSeq(long seq, int wraps) {
    return ((wraps & Seq.MASK) << 32) + seq;
  }

  long toRelative(long seq, int wraps) {
    return fullSeq(seq, wraps) - startSeq;
  }

  /** None of this side's data acknowledged, allowing for the SYN's octet. */
  boolean noDataAcked() {
    long ack = fullSeq(ackSeq, ackWraps);
    return ack == startSeq || ack == startSeq + 1;
  }

  /** Payload bytes by sequence numbers, as Zeek's {@code TCP_Endpoint::Size()} (orig_bytes). */
  long size() {
    if (prevState == EndpointState.SYN_SENT
        && state == EndpointState.RESET
        && peer.state == EndpointState.INACTIVE
        && !noDataAcked()) {
      // A half-open connection discovered and aborted: its sequence numbers say nothing.
      return 0;
    }
    long last = fullSeq(lastSeq, seqWraps);
    long ack = fullSeq(ackSeq, ackWraps);
    long size = (Long.compareUnsigned(last, ack) > 0 ? last : ack) - startSeq;
    if (size != 0) {
      --size; // the SYN's octet
    }
    if (finCount > 0 && size != 0) {
      --size; // the FIN's octet
    }
    return size;
  }

  /** Zeek's {@code is_clean}: established, or closed straight from established. */
  boolean clean() {
    return state == EndpointState.ESTABLISHED
        || (state == EndpointState.CLOSED && prevState == EndpointState.ESTABLISHED);
  }
}
