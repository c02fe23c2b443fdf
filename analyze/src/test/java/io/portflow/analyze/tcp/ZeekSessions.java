package io.portflow.analyze.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for Zeek's session table while there is no flow table: one {@link
 * TcpConnectionState} per 4-tuple, replaced on reuse ({@code IsReuse}) and dropped by Zeek's
 * timers (close and reset delay 5 s, attempt 5 s, inactivity 1 min in the handshake and 5 min
 * after), checked lazily when the 4-tuple's next packet arrives. Test code only.
 */
final class ZeekSessions {
  private static final long SECOND = 1_000_000_000L;

  /** Decides the originator when a connection starts, like Zeek's WantConnection. */
  interface RoleOracle {
    boolean originatorIsA(String tuple, int index, PcapSegments.Segment first);
  }

  /** One connection: its 4-tuple key and its state. */
  static final class Connection {
    final String tuple;
    final TcpConnectionState state;
    long lastPacket;
    long attemptDeadline = -1;
    long closeDeadline = -1;

    Connection(String tuple, TcpConnectionState state) {
      this.tuple = tuple;
      this.state = state;
    }
  }

  private final boolean checkChecksums;
  private final RoleOracle roles;
  private final Map<String, Connection> live = new HashMap<>();
  private final Map<String, Integer> started = new HashMap<>();
  private final Map<String, byte[]> endpointA = new HashMap<>();
  final List<Connection> all = new ArrayList<>();

  ZeekSessions(boolean checkChecksums, RoleOracle roles) {
    this.checkChecksums = checkChecksums;
    this.roles = roles;
  }

  void feed(PcapSegments.Segment s) {
    if (checkChecksums && !s.ipChecksumOk()) {
      return; // Zeek drops it before looking up the connection
    }
    String tuple = tuple(s);
    Connection c = live.get(tuple);
    if (c != null && (expired(c, s.nanos()) || c.state.isReuse(s.flags(), s.seq()))) {
      live.remove(tuple);
      c = null;
    }
    if (c == null) {
      int index = started.merge(tuple, 1, Integer::sum) - 1;
      c = new Connection(tuple, new TcpConnectionState(roles.originatorIsA(tuple, index, s)));
      endpointA.put(tuple, endpoint(s.src(), s.srcPort()));
      live.put(tuple, c);
      all.add(c);
    }
    c.lastPacket = s.nanos();
    boolean fromA = Arrays.equals(endpointA.get(tuple), endpoint(s.src(), s.srcPort()));
    if (!s.headerComplete()) {
      return;
    }
    if (checkChecksums && !s.tcpChecksumOk()) {
      c.state.onChecksumError(fromA);
      return;
    }
    segment(c, s, fromA);
  }

  private static void segment(Connection c, PcapSegments.Segment s, boolean fromA) {
    TcpConnectionState st = c.state;
    boolean isOrig = fromA == st.originatorIsA();
    boolean wasInactive = st.state(fromA) == EndpointState.INACTIVE;
    boolean wasClosed = st.closed(fromA);
    st.onSegment(fromA, s.flags(), s.seq(), s.ack(), s.payloadLength(), s.capturedPayload(),
        s.window(), s.nanos());
    if (isOrig && wasInactive && (s.flags() & TcpFlags.SYN) != 0 && c.attemptDeadline < 0) {
      c.attemptDeadline = s.nanos() + 5 * SECOND;
    }
    if (!wasClosed && st.closed(fromA) && c.closeDeadline < 0) {
      boolean complete = st.state(fromA) == EndpointState.RESET
          || st.closed(!fromA)
          || st.state(!fromA) == EndpointState.INACTIVE;
      if (complete) {
        c.closeDeadline = st.lastActivityNanos() + 5 * SECOND;
      }
    }
  }

  private static boolean expired(Connection c, long now) {
    TcpConnectionState s = c.state;
    EndpointState orig = s.state(s.originatorIsA());
    EndpointState resp = s.state(!s.originatorIsA());
    if (c.closeDeadline >= 0 && now > c.closeDeadline) {
      return true;
    }
    if (c.attemptDeadline >= 0 && now > c.attemptDeadline && resp == EndpointState.INACTIVE
        && (orig == EndpointState.SYN_SENT || orig == EndpointState.SYN_ACK_SENT)) {
      return true;
    }
    boolean handshake = inHandshake(orig) && inHandshake(resp);
    return now - c.lastPacket >= (handshake ? 60 : 300) * SECOND;
  }

  private static boolean inHandshake(EndpointState s) {
    return s == EndpointState.INACTIVE || s == EndpointState.SYN_SENT
        || s == EndpointState.SYN_ACK_SENT;
  }

  static String tuple(PcapSegments.Segment s) {
    String a = key(s.src(), s.srcPort());
    String b = key(s.dst(), s.dstPort());
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  static String key(byte[] addr, int port) {
    StringBuilder sb = new StringBuilder();
    for (byte x : addr) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.append(':').append(port).toString();
  }

  private static byte[] endpoint(byte[] addr, int port) {
    byte[] e = Arrays.copyOf(addr, addr.length + 2);
    e[addr.length] = (byte) (port >> 8);
    e[addr.length + 1] = (byte) port;
    return e;
  }
}
