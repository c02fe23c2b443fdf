package io.portflow.analyze.tcp;

import static io.portflow.analyze.tcp.EndpointState.CLOSED;
import static io.portflow.analyze.tcp.EndpointState.ESTABLISHED;
import static io.portflow.analyze.tcp.EndpointState.INACTIVE;
import static io.portflow.analyze.tcp.EndpointState.PARTIAL;
import static io.portflow.analyze.tcp.EndpointState.RESET;
import static io.portflow.analyze.tcp.EndpointState.SYN_ACK_SENT;
import static io.portflow.analyze.tcp.EndpointState.SYN_SENT;

/**
 * Endpoint state transitions, one method per state of the sending side, as Zeek's {@code
 * TCPSessionAdapter::UpdateStateMachine} and its {@code Update*State} helpers. Zeek's weirds and
 * events are left out; only what moves a state, flips the roles or closes a side is kept.
 */
final class TcpStateMachine {
  private TcpStateMachine() {}

  /** Returns whether this segment closes the sending side (Zeek's do_close). */
  static boolean update(
      TcpConnectionState conn,
      TcpEndpoint endpoint,
      long baseSeq,
      int len,
      boolean isOrig,
      int flags) {
    // Most segments: without SYN, FIN or RST only an inactive side moves.
    return (TcpFlags.control(flags) || endpoint.state == INACTIVE)
        && transition(conn, endpoint, baseSeq, len, isOrig, flags);
  }

  private static boolean transition(
      TcpConnectionState conn,
      TcpEndpoint endpoint,
      long baseSeq,
      int len,
      boolean isOrig,
      int flags) {
    switch (endpoint.state) {
      case INACTIVE:
        return inactive(conn, endpoint, baseSeq, len, isOrig, flags);
      case SYN_SENT:
      case SYN_ACK_SENT:
        return synSent(endpoint, flags);
      case ESTABLISHED:
      case PARTIAL:
        return established(endpoint, flags);
      case CLOSED:
        return closed(endpoint, flags);
      default:
        return false; // RESET: nothing moves any more
    }
  }

  private static boolean inactive(
      TcpConnectionState conn,
      TcpEndpoint endpoint,
      long baseSeq,
      int len,
      boolean isOrig,
      int flags) {
    TcpEndpoint peer = endpoint.peer;
    boolean close = false;
    if (TcpFlags.syn(flags)) {
      if (isOrig) {
        endpoint.setState(TcpFlags.ack(flags) ? SYN_ACK_SENT : SYN_SENT);
      } else {
        if (!TcpFlags.ack(flags) && peer.state == SYN_ACK_SENT && baseSeq == endpoint.startSeq) {
          // SYN and SYN+ACK arrived in reverse order (e.g. two capture interfaces): the SYN's
          // sender is the real originator. Zeek flips the roles and establishes both sides.
          conn.flipRoles();
          peer.setState(ESTABLISHED);
          conn.markFirstPacketSeen(true);
        }
        if (peer.state == SYN_SENT) {
          peer.setState(ESTABLISHED);
        }
        endpoint.setState(ESTABLISHED);
      }
    }
    if (TcpFlags.fin(flags)) {
      endpoint.setState(CLOSED);
      close = true;
    }
    if (TcpFlags.rst(flags)) {
      endpoint.setState(RESET);
      close = true;
    }
    if (endpoint.state == INACTIVE) {
      if (!isOrig && len == 0 && conn.originator().state == SYN_SENT) {
        // Some stacks ACK an initial SYN before answering it: not a partial connection.
      } else if (TcpFlags.ack(flags) && peer.state == ESTABLISHED) {
        // SYN+ACK seen but its SYN missed, and now the ACK: treat as established.
        endpoint.setState(ESTABLISHED);
        conn.clearPartial();
        conn.markFirstPacketSeen(isOrig);
      } else {
        endpoint.setState(PARTIAL);
      }
    }
    return close;
  }

  private static boolean synSent(TcpEndpoint endpoint, int flags) {
    boolean close = false;
    if (TcpFlags.fin(flags)) {
      endpoint.setState(CLOSED);
      close = true;
    }
    if (TcpFlags.rst(flags)) {
      endpoint.setState(RESET);
      close = true;
    }
    return close;
  }

  private static boolean established(TcpEndpoint endpoint, int flags) {
    TcpEndpoint peer = endpoint.peer;
    boolean close = false;
    if (TcpFlags.syn(flags)
        && endpoint.state == PARTIAL
        && peer.state == INACTIVE
        && !TcpFlags.ack(flags)) {
      endpoint.setState(SYN_SENT);
    }
    if (TcpFlags.fin(flags) && !TcpFlags.rst(flags)) {
      endpoint.setState(CLOSED);
      if (peer.state == RESET && peer.prevState == CLOSED) {
        // The peer sent FIN then RST: that was a normal close after all.
        peer.setState(CLOSED);
      }
      close = true;
    }
    if (TcpFlags.rst(flags)) {
      endpoint.setState(RESET);
      close = true;
    }
    return close;
  }

  private static boolean closed(TcpEndpoint endpoint, int flags) {
    // After a FIN exchange from both sides a RST changes nothing.
    if (TcpFlags.rst(flags) && endpoint.peer.state != CLOSED) {
      endpoint.setState(RESET);
      return !endpoint.didClose;
    }
    return false;
  }
}
