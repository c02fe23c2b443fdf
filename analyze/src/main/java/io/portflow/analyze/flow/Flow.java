package io.portflow.analyze.flow;

import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.tcp.EndpointState;
import io.portflow.analyze.tcp.TcpConnectionState;

/**
 * What the table keeps for one TCP connection or UDP flow: its key, per-direction counters, the
 * handshake facts the roles are decided from and, for TCP, Zeek's view of its state. Sides are
 * those of the canonical key: {@link #SIDE_A} sorts first by (address, port). The TCP state numbers
 * its ends differently, from the sender of the first segment (see {@link #firstFromA}).
 */
final class Flow {
  static final int SIDE_A = 0;
  static final int SIDE_B = 1;
  static final int NO_SIDE = -1;

  final long id;
  final int hash;
  /** {@link Segment#TCP} or {@link Segment#UDP}. */
  final int protocol;
  final int ipVersion;
  final long aHi;
  final long aLo;
  final long bHi;
  final long bLo;
  final int aPort;
  final int bPort;
  final int vlanOuter;
  final int vlanInner;
  /** {@link FlowProbe#ports} and {@link FlowProbe#vlans}: small key fields packed for lookups. */
  final long ports;
  final long vlans;
  /** Whether side a sent the first segment: the TCP state's endpoint A is that sender. */
  final boolean firstFromA;
  /** Zeek's TCP state; null for a UDP flow. */
  final TcpConnectionState tcp;

  long firstSeenNanos;
  long lastSeenNanos;
  long packetsFromA;
  long bytesFromA;
  long payloadFromA;
  long packetsFromB;
  long bytesFromB;
  long payloadFromB;
  /** OR of every TCP flag each side sent. */
  int flagsFromA;
  int flagsFromB;

  /**
   * Initial sequence number per side as tshark's TCP dissector records it: the SYN's sequence
   * number, else one less than the first sequence number seen, else one less than the first
   * acknowledgement number from the other side.
   */
  int baseSeqA;
  int baseSeqB;
  boolean baseSeqASet;
  boolean baseSeqBSet;

  /** The expiry queue holding this flow, and its neighbours there (see {@link ExpiryQueue}). */
  ExpiryQueue queue;
  Flow older;
  Flow newer;
  /** Capture clock when this flow last went to the tail of its queue. */
  long queuedAtNanos;

  int firstSender = NO_SIDE;
  int firstBareSynSender = NO_SIDE;
  int firstSynAckSender = NO_SIDE;

  /**
   * @param firstSenderIsClient the roles' verdict on the first segment alone, which the TCP state
   *     needs from the start (Zeek's originator)
   */
  Flow(long id, FlowProbe key, long timestampNanos, boolean firstSenderIsClient) {
    this.id = id;
    hash = key.hash;
    protocol = key.protocol;
    ipVersion = key.ipVersion;
    aHi = key.aHi;
    aLo = key.aLo;
    bHi = key.bHi;
    bLo = key.bLo;
    aPort = key.aPort;
    bPort = key.bPort;
    vlanOuter = key.vlanOuter;
    vlanInner = key.vlanInner;
    ports = key.ports;
    vlans = key.vlans;
    firstFromA = key.fromA;
    tcp = protocol == Segment.TCP ? new TcpConnectionState(firstSenderIsClient) : null;
    firstSeenNanos = timestampNanos;
    lastSeenNanos = timestampNanos;
  }

  /**
   * Whether this flow has the probe's key; the table compared the hashes already. One test of all
   * the differences, not one branch per field: a matching key is the common case.
   */
  boolean matches(FlowProbe key) {
    return ((aLo ^ key.aLo) | (bLo ^ key.bLo) | (aHi ^ key.aHi) | (bHi ^ key.bHi)
        | (ports ^ key.ports) | (vlans ^ key.vlans)) == 0;
  }

  /**
   * True when {@code segment} opens a new connection on this 4-tuple, by tshark 4.0's rule for
   * {@code tcp.stream}: a SYN without ACK whose sequence number differs from the base sequence
   * number recorded for its sender. Whether the old connection was closed does not matter, and a
   * SYN with the recorded number (a retransmission) never splits.
   */
  boolean isReusedBy(Segment segment, boolean fromA) {
    if (!segment.isBareSyn()) {
      return false;
    }
    return fromA
        ? baseSeqASet && segment.seq() != baseSeqA
        : baseSeqBSet && segment.seq() != baseSeqB;
  }

  /** Counts a segment; {@code wireLength} is the frame's original length, unsigned. */
  void add(Segment segment, boolean fromA, long timestampNanos, int wireLength) {
    int flags = segment.flags();
    if (firstSender == NO_SIDE || (flags & Segment.SYN) != 0 || !(baseSeqASet && baseSeqBSet)) {
      noteOpening(segment, fromA); // nothing to note in most segments of a connection
    }
    if (fromA) { // the counting in methods of their own, so that this one is small enough to inline
      countFromA(flags, wireLength, segment.payloadLength());
    } else {
      countFromB(flags, wireLength, segment.payloadLength());
    }
    // Min and max, so that a capture whose clock steps back never gives a negative duration.
    firstSeenNanos = Math.min(firstSeenNanos, timestampNanos);
    lastSeenNanos = Math.max(lastSeenNanos, timestampNanos);
  }

  private void countFromA(int flags, int wireLength, int payloadLength) {
    packetsFromA++;
    bytesFromA += Integer.toUnsignedLong(wireLength);
    payloadFromA += payloadLength;
    flagsFromA |= flags;
  }

  private void countFromB(int flags, int wireLength, int payloadLength) {
    packetsFromB++;
    bytesFromB += Integer.toUnsignedLong(wireLength);
    payloadFromB += payloadLength;
    flagsFromB |= flags;
  }

  /** The first sender, the first SYN and SYN+ACK senders, and the base sequence numbers. */
  private void noteOpening(Segment segment, boolean fromA) {
    int side = fromA ? SIDE_A : SIDE_B;
    if (tcp != null) {
      recordBaseSeq(segment, fromA);
    }
    if (firstSender == NO_SIDE) {
      firstSender = side;
    }
    if (firstBareSynSender == NO_SIDE && segment.isBareSyn()) {
      firstBareSynSender = side;
    }
    if (firstSynAckSender == NO_SIDE && segment.isSynAck()) {
      firstSynAckSender = side;
    }
  }

  /**
   * Feeds a segment to the TCP state, after {@link #add}. Options are offered only on a SYN; the
   * state keeps whatever the last SYN of each side offered.
   */
  void track(Segment segment, boolean fromA, long timestampNanos) {
    if (tcp == null) {
      return;
    }
    boolean fromFirst = fromA == firstFromA;
    int flags = segment.flags() & 0xff;
    if ((flags & Segment.SYN) != 0) {
      tcp.onOptions(fromFirst, segment.mss(), segment.windowScale(), segment.sackPermitted());
    }
    tcp.onSegment(fromFirst, flags, Integer.toUnsignedLong(segment.seq()),
        Integer.toUnsignedLong(segment.ack()), segment.payloadLength(),
        segment.capturedPayloadLength(), segment.window(), timestampNanos);
  }

  /** Whether the TCP state's endpoint A (the first sender) is the canonical side {@code side}. */
  boolean isFirstSender(int side) {
    return (side == SIDE_A) == firstFromA;
  }

  /** A side sent a RST that still stands (a FIN exchange after it makes it a normal close). */
  boolean wasReset() {
    return tcp != null
        && (tcp.state(true) == EndpointState.RESET || tcp.state(false) == EndpointState.RESET);
  }

  /**
   * Zeek's close_complete: both sides closed, or one closed and the other never sent anything.
   * A reset connection counts too (see {@link #wasReset()}).
   */
  boolean closeComplete() {
    if (tcp == null) {
      return false;
    }
    boolean a = tcp.closed(true);
    boolean b = tcp.closed(false);
    return (a && b)
        || wasReset()
        || (a && tcp.state(false) == EndpointState.INACTIVE)
        || (b && tcp.state(true) == EndpointState.INACTIVE);
  }

  private void recordBaseSeq(Segment segment, boolean fromA) {
    int own = (segment.flags() & Segment.SYN) != 0 ? segment.seq() : segment.seq() - 1;
    boolean acks = (segment.flags() & Segment.ACK) != 0;
    if (fromA) {
      if (!baseSeqASet) {
        baseSeqA = own;
        baseSeqASet = true;
      }
      if (!baseSeqBSet && acks) {
        baseSeqB = segment.ack() - 1;
        baseSeqBSet = true;
      }
    } else {
      if (!baseSeqBSet) {
        baseSeqB = own;
        baseSeqBSet = true;
      }
      if (!baseSeqASet && acks) {
        baseSeqA = segment.ack() - 1;
        baseSeqASet = true;
      }
    }
  }

  int port(int side) {
    return side == SIDE_A ? aPort : bPort;
  }
}
