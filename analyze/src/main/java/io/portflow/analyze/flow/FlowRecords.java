package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.Transport;
import io.portflow.analyze.communityid.CommunityId;
import io.portflow.analyze.decode.IpText;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;
import io.portflow.analyze.tcp.TcpDirectionDetail;

/**
 * Turns a finished {@link Flow} into the {@link FlowRecord} writers print: roles, port labels,
 * per-direction counters oriented client to server, Community ID, and Zeek's conn_state and
 * history rendered for the client the roles chose (from the TCP state, or for UDP from who sent).
 * Thread-safe, so that records can be built on another thread than the tracker's.
 */
final class FlowRecords {
  private final AnalyzerConfig config;
  private final ServiceNames names;
  private final Roles roles;
  private final CommunityId communityIds;

  FlowRecords(AnalyzerConfig config, ServiceNames names, Roles roles) {
    this.config = config;
    this.names = names;
    this.roles = roles;
    this.communityIds = new CommunityId(config.communityIdSeed());
  }

  /** The record of a flow the tracker finished for {@code trigger}, or of a live flow (null). */
  FlowRecord toRecord(Flow flow, EndReason trigger) {
    return record(flow, endReason(flow, trigger));
  }

  /** The record, with its end reason already decided ({@link #endReason}). */
  FlowRecord record(Flow flow, EndReason endReason) {
    return flow.tcp == null ? datagrams(flow, endReason) : connection(flow, endReason);
  }

  private FlowRecord connection(Flow flow, EndReason endReason) {
    Roles.Role role = roles.decide(flow);
    boolean clientIsA = role.clientSide() == Flow.SIDE_A;
    boolean clientIsFirst = flow.isFirstSender(role.clientSide());
    Endpoint a = endpoint(flow, flow.aHi, flow.aLo, flow.aPort, clientIsA);
    Endpoint b = endpoint(flow, flow.bHi, flow.bLo, flow.bPort, !clientIsA);
    boolean aIsFirst = flow.isFirstSender(Flow.SIDE_A);
    DirectionStats fromA = direction(flow.packetsFromA, flow.bytesFromA, flow.payloadFromA,
        flow.tcp.detail(aIsFirst));
    DirectionStats fromB = direction(flow.packetsFromB, flow.bytesFromB, flow.payloadFromB,
        flow.tcp.detail(!aIsFirst));
    String history = flow.tcp.history(clientIsFirst);
    return new FlowRecord(
        flow.id,
        communityId(flow),
        Transport.TCP.label(),
        flow.ipVersion,
        flow.vlanOuter == Segment.NO_VLAN ? null : flow.vlanOuter,
        clientIsA ? a : b,
        clientIsA ? b : a,
        role.source(),
        flow.firstSeenNanos,
        flow.lastSeenNanos,
        clientIsA ? fromA : fromB,
        clientIsA ? fromB : fromA,
        flow.tcp.connState(clientIsFirst, history),
        history,
        endReason,
        new HandshakeRtt(flow.tcp.synToSynAckNanos(), flow.tcp.synAckToAckNanos()));
  }

  /** A UDP flow: no TCP detail; Zeek's UDP conn_state and history from who sent, in what order. */
  private FlowRecord datagrams(Flow flow, EndReason endReason) {
    Roles.Role role = roles.decide(flow);
    boolean clientIsA = role.clientSide() == Flow.SIDE_A;
    Endpoint a = endpoint(flow, flow.aHi, flow.aLo, flow.aPort, clientIsA);
    Endpoint b = endpoint(flow, flow.bHi, flow.bLo, flow.bPort, !clientIsA);
    DirectionStats fromA = new DirectionStats(flow.packetsFromA, flow.bytesFromA, flow.payloadFromA);
    DirectionStats fromB = new DirectionStats(flow.packetsFromB, flow.bytesFromB, flow.payloadFromB);
    DirectionStats fromClient = clientIsA ? fromA : fromB;
    DirectionStats fromServer = clientIsA ? fromB : fromA;
    boolean clientFirst = flow.firstSender == role.clientSide();
    return new FlowRecord(
        flow.id,
        communityId(flow),
        Transport.UDP.label(),
        flow.ipVersion,
        flow.vlanOuter == Segment.NO_VLAN ? null : flow.vlanOuter,
        clientIsA ? a : b,
        clientIsA ? b : a,
        role.source(),
        flow.firstSeenNanos,
        flow.lastSeenNanos,
        fromClient,
        fromServer,
        UdpStates.connState(fromClient.packets() > 0, fromServer.packets() > 0),
        UdpStates.history(clientFirst, fromClient.packets() > 0, fromServer.packets() > 0),
        endReason,
        null);
  }

  private static DirectionStats direction(long packets, long bytes, long payload,
      TcpDirectionDetail tcp) {
    return new DirectionStats(packets, bytes, payload, tcp.retransmittedSegments(),
        tcp.retransmittedBytes(), tcp.outOfOrderSegments(), tcp.zeroWindowEvents(),
        tcp.mss() < 0 ? null : tcp.mss(), tcp.windowScale() < 0 ? null : tcp.windowScale());
  }

  /**
   * How the connection ended, when it did: a RST, or a close Zeek calls complete. {@code trigger}
   * (reuse, idle timeout, end of capture; null for a live flow) only when it had not ended, and
   * always for UDP.
   */
  static EndReason endReason(Flow flow, EndReason trigger) {
    if (flow.wasReset()) {
      return EndReason.RST;
    }
    return flow.closeComplete() ? EndReason.FIN : trigger;
  }

  private String communityId(Flow flow) {
    int protocol = flow.protocol == Segment.UDP ? CommunityId.UDP : CommunityId.TCP;
    return communityIds.of(protocol, flow.ipVersion, flow.aHi, flow.aLo, flow.aPort, flow.bHi,
        flow.bLo, flow.bPort);
  }

  private Endpoint endpoint(Flow flow, long hi, long lo, int port, boolean client) {
    return new Endpoint(
        IpText.format(flow.ipVersion, hi, lo),
        port,
        PortClass.of(port),
        client && config.isEphemeral(port),
        flow.protocol == Segment.UDP ? names.udp(port) : names.tcp(port));
  }
}
