package io.portflow.analyze;

/**
 * One finished connection, as every writer prints it. Field names in the JSON form are a contract
 * (see DESIGN.md): add fields, never rename.
 *
 * @param flowId 0-based, in order of each flow's first packet (tshark's {@code tcp.stream} order)
 * @param communityId Community ID v1 of the 5-tuple, e.g. {@code 1:LQU9qZlK+B5F3KDmev6m5PMibrg=}
 * @param transport {@code tcp} or {@code udp}
 * @param ipVersion 4 or 6
 * @param vlan outer 802.1Q / 802.1ad VLAN id (as Zeek's {@code vlan}), or null when untagged
 * @param firstSeenNanos first packet, nanoseconds since the epoch
 * @param lastSeenNanos last packet, nanoseconds since the epoch
 * @param connState Zeek's conn_state code (S0, SF, REJ, ...)
 * @param history Zeek's history letters, upper case for the client
 * @param endReason why the record was emitted
 * @param handshakeRtt the TCP handshake's round-trip times, or null for a transport without one
 */
public record FlowRecord(
    long flowId,
    String communityId,
    String transport,
    int ipVersion,
    Integer vlan,
    Endpoint client,
    Endpoint server,
    RoleSource roleSource,
    long firstSeenNanos,
    long lastSeenNanos,
    DirectionStats clientToServer,
    DirectionStats serverToClient,
    String connState,
    String history,
    EndReason endReason,
    HandshakeRtt handshakeRtt) {

  /** A record without handshake round-trip times. */
  public FlowRecord(long flowId, String communityId, String transport, int ipVersion,
      Integer vlan, Endpoint client, Endpoint server, RoleSource roleSource, long firstSeenNanos,
      long lastSeenNanos, DirectionStats clientToServer, DirectionStats serverToClient,
      String connState, String history, EndReason endReason) {
    this(flowId, communityId, transport, ipVersion, vlan, client, server, roleSource,
        firstSeenNanos, lastSeenNanos, clientToServer, serverToClient, connState, history,
        endReason, null);
  }

  /** Seconds between the first and the last packet. */
  public double durationSeconds() {
    return (lastSeenNanos - firstSeenNanos) / 1e9;
  }
}
