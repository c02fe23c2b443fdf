package io.portflow.analyze.tcp;

/**
 * Zeek's view of one TCP connection, fed one segment at a time: per-endpoint states, the history
 * letters, {@code conn_state}, and per-direction counters. Endpoint A is the sender of the
 * connection's first packet, B the other side.
 *
 * <p>Zeek decides the originator when it sees the first packet ({@code
 * TCPAnalyzer::WantConnection}: a bare SYN's sender, else a port heuristic) and may flip it once
 * more when a SYN follows a SYN+ACK it saw first. The state machine needs that role while it runs,
 * so the caller passes its first-packet choice to the constructor; {@link #originatorIsA()} tells
 * where it ended. {@link #history()} and {@link #connState()} render relative to that originator,
 * exactly as Zeek would; the overloads taking {@code clientIsA} render relative to another choice
 * of client (case swapped, leading '^' toggled, endpoint states swapped).
 *
 * <p>Zeek 5.1 and later also flip a connection that began with a SYN+ACK once an ACK or data
 * follows, and log it as if flipped at the first packet ({@code ^h...}). A caller that names the
 * SYN+ACK's receiver the client at the first packet gets exactly that history, so that rule is
 * the caller's (portflow's syn-ack role rule), not repeated here.
 *
 * <p>Per packet of the flow, in capture order: {@link #isReuse} first if it is a SYN (true: finish
 * this flow and start a new state); then {@link #onOptions} for a SYN with options; then {@link
 * #onSegment}, or {@link #onChecksumError} instead when checksums are checked and this one is bad.
 * A packet whose TCP header is cut short by the snapshot length belongs to the flow but is not fed
 * at all (Zeek's "truncated_header").
 *
 * <p>Not thread-safe. Per segment this allocates nothing; state is in primitive fields of a few
 * objects made once per connection (the history buffer grows, rarely, past 16 letters). Most
 * segments carry no SYN, FIN or RST and move the stream forward: each step tests for that case
 * first, in a method small enough for the JIT to inline, and leaves the rest to another method.
 */
public final class TcpConnectionState {
  private static final int TOO_LARGE_SEQ_DELTA = 1048576;
  private static final int ORIG_BIT = 1;
  private static final int RESP_BIT = 2;

  private final TcpEndpoint a = new TcpEndpoint();
  private final TcpEndpoint b = new TcpEndpoint();
  private final TcpHistory history = new TcpHistory();
  private final HandshakeTimer handshake = new HandshakeTimer();

  private boolean originatorIsA;
  private boolean partial;
  private int firstPacketSeen;
  private boolean established;
  private long lastActivityNanos;
  /** Set by {@link #relativeSeq} when the number lies before the side's initial sequence. */
  private boolean underflow;

  /**
   * @param originatorIsA whether the first packet's sender is the originator (client); false when
   *     the first packet already shows the other side to be the client (a SYN+ACK, or a port
   *     heuristic), which Zeek marks with a leading '^' in the history
   */
  public TcpConnectionState(boolean originatorIsA) {
    a.peer = b;
    b.peer = a;
    reset(originatorIsA);
  }

  /** Forgets everything, for reuse of this object by a new connection. */
  public void reset(boolean originatorIsA) {
    this.originatorIsA = originatorIsA;
    a.reset(originatorIsA);
    b.reset(!originatorIsA);
    history.clear();
    handshake.reset();
    partial = false;
    firstPacketSeen = 0;
    established = false;
    lastActivityNanos = 0;
    if (!originatorIsA) {
      history.append('^');
    }
  }

  /** {@link #onSegment(boolean, int, long, long, int, int, int, long)} with all payload captured. */
  public void onSegment(
      boolean fromA, int tcpFlags, long seq, long ack, int payloadLength, int window, long nanos) {
    onSegment(fromA, tcpFlags, seq, ack, payloadLength, payloadLength, window, nanos);
  }

  /**
   * One TCP segment, in capture order, as Zeek's {@code TCPSessionAdapter::Process}.
   *
   * @param fromA whether endpoint A sent it
   * @param tcpFlags the flag byte ({@link TcpFlags})
   * @param seq sequence number, unsigned 32-bit
   * @param ack acknowledgement number, unsigned 32-bit (read only when ACK is set)
   * @param payloadLength TCP payload length from the IP header (what was on the wire)
   * @param capturedPayloadLength payload bytes actually captured; less than payloadLength when the
   *     snapshot length cut the frame, which Zeek's reassembler sees as missing data
   * @param window raw 16-bit window field
   * @param nanos capture timestamp
   */
  public void onSegment(
      boolean fromA,
      int tcpFlags,
      long seq,
      long ack,
      int payloadLength,
      int capturedPayloadLength,
      int window,
      long nanos) {
    TcpEndpoint endpoint = fromA ? a : b;
    TcpEndpoint peer = endpoint.peer;
    boolean isOrig = endpoint.orig;
    int flags = tcpFlags & 0xff;
    int len = Math.max(0, payloadLength); // a broken IP length is the decoder's to report
    long baseSeq = Seq.u32(seq);
    long ackSeq = Seq.u32(ack);

    setPartialStatus(flags, isOrig);
    int segLen = segmentLength(len, flags);
    long onePast = Seq.u32(baseSeq + segLen);
    if (TcpFlags.syn(flags) || endpoint.state == EndpointState.INACTIVE) {
      initEndpoint(endpoint, flags, baseSeq, onePast); // which changes nothing otherwise
    }
    long relSeq = relativeSeq(endpoint, baseSeq, endpoint.lastSeq, endpoint.seqWraps);
    boolean seqUnderflow = underflow;

    history.recordSegment(endpoint, flags, relSeq, len);
    checkZeroWindow(endpoint, window, flags);
    if (!a.didClose || !b.didClose) {
      lastActivityNanos = nanos;
    }
    countControlFlags(endpoint, flags, baseSeq, relSeq + segLen);
    long relAck = TcpFlags.ack(flags) ? acknowledge(peer, flags, ackSeq) : 0;
    updateLastSeq(endpoint, onePast, flags, len);
    boolean close = TcpStateMachine.update(this, endpoint, baseSeq, len, isOrig, flags);
    if (TcpFlags.ack(flags)) {
      peerAcknowledged(peer, relAck);
    }
    markFirstPacketSeen(isOrig);
    if (len > 0 && !TcpFlags.rst(flags) && !seqUnderflow) {
      long relDataSeq = TcpFlags.syn(flags) ? relSeq + 1 : relSeq;
      if (capturedPayloadLength >= len) {
        endpoint.coverage.dataSent(endpoint, relDataSeq, len);
      }
      countPayload(endpoint, relDataSeq, len);
    }
    if (close) {
      endpoint.didClose = true;
    }
    established |= a.state == EndpointState.ESTABLISHED && b.state == EndpointState.ESTABLISHED;
    handshake.onSegment(fromA, flags, baseSeq, ackSeq, nanos);
  }

  /**
   * Options from a SYN or SYN+ACK; pass -1 for an absent MSS or window scale. Call it for the
   * same segment as {@link #onSegment}, before or after: it only records what was offered.
   */
  public void onOptions(boolean fromA, int mss, int windowScale, boolean sackPermitted) {
    TcpEndpoint e = fromA ? a : b;
    if (mss >= 0) {
      e.mss = mss;
    }
    if (windowScale >= 0) {
      e.windowScale = windowScale;
    }
    e.sackPermitted |= sackPermitted;
  }

  /**
   * A segment with a bad TCP checksum. Zeek records 'c' (1st, 10th, 100th ...) and otherwise
   * ignores the segment: call this instead of {@link #onSegment} when checksums are checked.
   */
  public void onChecksumError(boolean fromA) {
    TcpEndpoint e = fromA ? a : b;
    if (TcpHistory.crossesScaledThreshold(++e.checksumErrors)) {
      history.add(e.orig, 'C');
    }
  }

  // ---- What the flow table and the writers read ----------------------------------------------

  /** Whether A is the originator now (the constructor's choice, unless a SYN after a SYN+ACK flipped it). */
  public boolean originatorIsA() {
    return originatorIsA;
  }

  /** Zeek's history, relative to {@link #originatorIsA()}; '^' marks each role flip. */
  public String history() {
    return history.toString();
  }

  /**
   * The history relative to the given client: Zeek's string when the client is the originator,
   * else every letter in the other case and the leading '^' toggled.
   */
  public String history(boolean clientIsA) {
    return clientIsA == originatorIsA ? history.toString() : history.mirrored();
  }

  /** Zeek's conn_state relative to {@link #originatorIsA()}. */
  public String connState() {
    return connState(originatorIsA);
  }

  /** conn_state with the given side as originator. */
  public String connState(boolean clientIsA) {
    return connState(clientIsA, history(clientIsA));
  }

  /**
   * conn_state with the given side as originator, for a caller that already has {@link
   * #history(boolean)} for that side: a record needs both, and the string once.
   */
  public String connState(boolean clientIsA, String history) {
    TcpEndpoint client = clientIsA ? a : b;
    TcpEndpoint server = client.peer;
    return ConnState.of(client.state, server.state, client.size(), server.size(), history);
  }

  /** Zeek's state of one side. */
  public EndpointState state(boolean ofA) {
    return (ofA ? a : b).state;
  }

  /** Whether both sides have been ESTABLISHED at the same time (a completed handshake). */
  public boolean established() {
    return established;
  }

  /** Both sides sent a FIN, or a RST was seen: the connection is over (for reuse and close). */
  public boolean terminated() {
    return (a.finCount > 0 && b.finCount > 0) || a.rstCount > 0 || b.rstCount > 0;
  }

  /** Zeek's {@code IsClosed}: a FIN or RST closed at least one side. */
  public boolean closed(boolean ofA) {
    return (ofA ? a : b).didClose;
  }

  /** Sequence number of the last SYN (or SYN+ACK) the side sent: its ISN, or -1 if none seen. */
  public long initialSeq(boolean ofA) {
    return (ofA ? a : b).synSeq;
  }

  /** Payload bytes the side sent by sequence numbers, as Zeek's orig_bytes / resp_bytes. */
  public long size(boolean ofA) {
    return (ofA ? a : b).size();
  }

  /** Counters for what the side sent. Allocates: call once, when the flow is finished. */
  public TcpDirectionDetail detail(boolean ofA) {
    return TcpDirectionDetail.of(ofA ? a : b);
  }

  /** Nanoseconds from the (last) SYN to the SYN+ACK answering it, or -1. */
  public long synToSynAckNanos() {
    return handshake.synToSynAckNanos;
  }

  /** Nanoseconds from the (last) SYN+ACK to the ACK completing the handshake, or -1. */
  public long synAckToAckNanos() {
    return handshake.synAckToAckNanos;
  }

  /**
   * Timestamp of the last segment before both sides had closed: Zeek's last_time, which its
   * duration uses (the final ACK of a FIN exchange is not counted).
   */
  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  /**
   * Zeek's {@code TCPSessionAdapter::IsReuse}: whether this segment starts a new connection on the
   * same 4-tuple. Only a SYN can: a bare SYN whose sequence number is not the originator's ISN
   * (unless it is the SYN of a reversed SYN / SYN+ACK pair), or a SYN+ACK while the originator has
   * sent nothing; once a side has closed, any SYN. Ask before {@link #onSegment}.
   */
  public boolean isReuse(int tcpFlags, long seq) {
    if (!TcpFlags.syn(tcpFlags)) {
      return false;
    }
    TcpEndpoint orig = originator();
    TcpEndpoint resp = orig.peer;
    TcpEndpoint connOrig = orig;
    if (TcpFlags.ack(tcpFlags)) {
      if (orig.state != EndpointState.INACTIVE) {
        return false;
      }
      connOrig = resp;
    }
    if (a.didClose || b.didClose) {
      return true;
    }
    long baseSeq = Seq.u32(seq);
    if (baseSeq == connOrig.startSeq) {
      return false;
    }
    return TcpFlags.ack(tcpFlags)
        || connOrig.state != EndpointState.SYN_ACK_SENT
        || resp.state != EndpointState.INACTIVE
        || baseSeq != resp.startSeq;
  }

  // ---- Zeek's per-segment steps -------------------------------------------------------------

  private static void countControlFlags(TcpEndpoint e, int flags, long baseSeq, long relSegEnd) {
    if (TcpFlags.syn(flags)) {
      e.synSeq = baseSeq;
    }
    if (TcpFlags.fin(flags)) {
      ++e.finCount;
      e.finSeq = relSegEnd;
    }
    if (TcpFlags.rst(flags)) {
      ++e.rstCount;
    }
  }

  /** The peer acknowledged {@code relAck} of its own data: Zeek's reassembler looks for gaps. */
  private void peerAcknowledged(TcpEndpoint sender, long relAck) {
    int found = sender.coverage.ackReceived(sender, relAck, partial);
    for (int i = 0; i < found; i++) {
      contentGap(sender);
    }
  }

  private static int segmentLength(int len, int flags) {
    int segLen = len;
    if (TcpFlags.syn(flags)) {
      ++segLen;
    }
    if (TcpFlags.fin(flags)) {
      ++segLen;
    }
    if (TcpFlags.rst(flags)) {
      segLen -= len; // a RST's payload is not part of the stream
    }
    return segLen;
  }

  private static void initEndpoint(TcpEndpoint e, int flags, long firstSeq, long lastSeq) {
    boolean syn = TcpFlags.syn(flags);
    switch (e.state) {
      case INACTIVE:
        if (syn) {
          e.initAckSeq(firstSeq);
          e.initStartSeq(firstSeq);
        } else {
          // Mid-stream: number as though a SYN had come just before.
          e.initAckSeq(firstSeq - 1);
          e.initStartSeq(firstSeq - 1);
          lastSeq = firstSeq;
        }
        e.initLastSeq(lastSeq);
        break;
      case SYN_SENT:
      case SYN_ACK_SENT:
        if (syn && firstSeq != e.startSeq) {
          restart(e, firstSeq, lastSeq);
        }
        break;
      case ESTABLISHED:
      case PARTIAL:
        if (syn) {
          restart(e, firstSeq, lastSeq); // guess that this SYN is the one that sets it up
        }
        break;
      case RESET:
        if (syn && e.prevState == EndpointState.INACTIVE) {
          restart(e, firstSeq, lastSeq); // the earlier RST may have been spoofed
        }
        break;
      default:
        break;
    }
  }

  private static void restart(TcpEndpoint e, long firstSeq, long lastSeq) {
    e.initStartSeq(firstSeq);
    e.initAckSeq(firstSeq);
    e.initLastSeq(lastSeq);
    e.coverage.resetSeen();
  }

  /** Zeek's {@code get_relative_seq}; sets {@link #underflow}. */
  private long relativeSeq(TcpEndpoint e, long curBase, long last, int wraps) {
    underflow = false;
    int delta = Seq.delta(curBase, last);
    if (delta < 0) {
      if (wraps != 0 && curBase > last) {
        --wraps; // part of the previous 32-bit sequence space
      }
    } else if (delta > 0 && curBase < last) {
      ++wraps;
    }
    if (wraps == 0) {
      delta = Seq.delta(curBase, e.startSeq);
      underflow = delta < 0;
      return delta;
    }
    return e.toRelative(curBase, wraps);
  }

  private void checkZeroWindow(TcpEndpoint e, int window, int flags) {
    // Zero windows with or after a RST, or after the peer's FIN, are expected and not counted.
    if ((window & 0xffff) == 0
        && !TcpFlags.rst(flags)
        && e.peer.state != EndpointState.CLOSED
        && e.state != EndpointState.RESET
        && TcpHistory.crossesScaledThreshold(++e.zeroWindows)) {
      history.add(e.orig, 'W');
    }
  }

  /** The ACK part of Zeek's Process; returns the acknowledgement relative to the peer's ISN. */
  private long acknowledge(TcpEndpoint peer, int flags, long ackSeq) {
    if (peer.state == EndpointState.INACTIVE) {
      return numberSilentPeer(peer, ackSeq);
    }
    long relAck = relativeSeq(peer, ackSeq, peer.ackSeq, peer.ackWraps);
    if (underflow) {
      return 0;
    }
    if (!TcpFlags.rst(flags)) { // a RST's ack is not trusted
      int delta = Seq.delta(ackSeq, peer.ackSeq);
      if (!(ackSeq == 0 && delta > TOO_LARGE_SEQ_DELTA) && delta > 0) {
        peer.updateAckSeq(ackSeq);
      }
    }
    return relAck;
  }

  /** Numbers a silent peer's stream as though its SYN had been seen; the relative ack is 1. */
  private static long numberSilentPeer(TcpEndpoint peer, long ackSeq) {
    peer.initStartSeq(ackSeq - 1);
    peer.initAckSeq(ackSeq - 1);
    peer.initLastSeq(ackSeq - 1);
    return 1;
  }

  /** Zeek's {@code update_last_seq}, which is also where 't' (retransmitted payload) comes from. */
  private void updateLastSeq(TcpEndpoint e, long lastSeq, int flags, int len) {
    int delta = Seq.delta(lastSeq, e.lastSeq);
    if (delta > 0 && !TcpFlags.control(flags) && e.state != EndpointState.RESET) {
      e.updateLastSeq(lastSeq); // most segments: what the rules below come to
    } else {
      updateLastSeq(e, lastSeq, flags, len, delta);
    }
  }

  private void updateLastSeq(TcpEndpoint e, long lastSeq, int flags, int len, int delta) {
    if ((TcpFlags.syn(flags) || TcpFlags.rst(flags))
        && (delta > TOO_LARGE_SEQ_DELTA || delta < -TOO_LARGE_SEQ_DELTA)) {
      return; // implausible jump: ignore
    }
    if (TcpFlags.fin(flags) && e.lastSeq == Seq.u32(e.startSeq + 1)) {
      e.updateLastSeq(lastSeq); // SYN then FIN only: trust the FIN even across 2 GB
    } else if (e.state == EndpointState.RESET) {
      return; // sequence numbers after a RST are not trusted
    } else if (delta > 0) {
      e.updateLastSeq(lastSeq);
    } else if (len > 0 && TcpHistory.crossesScaledThreshold(++e.retransmissions)) {
      history.add(e.orig, 'T');
    }
  }

  private void contentGap(TcpEndpoint sender) {
    // Gaps count only while both sides are cleanly established or closing.
    if (sender.clean()
        && sender.peer.clean()
        && TcpHistory.crossesScaledThreshold(++sender.gaps)) {
      history.add(sender.orig, 'G');
    }
  }

  private static void countPayload(TcpEndpoint e, long relDataSeq, int len) {
    long seenBefore = e.coverage.observe(relDataSeq, len);
    if (seenBefore > 0) {
      e.retransmittedSegments++;
      e.retransmittedBytes += seenBefore;
    }
    if (e.coverage.lastOutOfOrder) {
      e.outOfOrderSegments++;
    }
  }

  private void setPartialStatus(int flags, boolean isOrig) {
    if (isOrig) {
      if ((firstPacketSeen & ORIG_BIT) == 0) {
        partial = !TcpFlags.syn(flags) || TcpFlags.ack(flags);
      }
    } else if ((firstPacketSeen & RESP_BIT) == 0 && !partial) {
      partial = !TcpFlags.syn(flags);
    }
  }

  void markFirstPacketSeen(boolean isOrig) {
    firstPacketSeen |= isOrig ? ORIG_BIT : RESP_BIT;
  }

  void clearPartial() {
    partial = false;
  }

  TcpEndpoint originator() {
    return originatorIsA ? a : b;
  }

  /** Zeek's {@code Connection::FlipRoles}: swap originator and responder, record '^'. */
  void flipRoles() {
    originatorIsA = !originatorIsA;
    a.orig = !a.orig;
    b.orig = !b.orig;
    firstPacketSeen =
        ((firstPacketSeen & ORIG_BIT) != 0 ? RESP_BIT : 0)
            | ((firstPacketSeen & RESP_BIT) != 0 ? ORIG_BIT : 0);
    partial = false;
    history.append('^');
  }
}
