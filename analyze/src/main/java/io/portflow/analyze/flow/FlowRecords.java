package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.decode.IpText;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;

/**
 * Turns a finished {@link Flow} into the {@link FlowRecord} writers print: roles, port labels and
 * per-direction counters oriented client to server. Community ID, conn_state and history are left
 * null; they come from the TCP state tracking.
 */
final class FlowRecords {
  private static final String TRANSPORT_TCP = "tcp";

  private final AnalyzerConfig config;
  private final ServiceNames names;
  private final Roles roles;

  FlowRecords(AnalyzerConfig config, ServiceNames names) {
    this.config = config;
    this.names = names;
    this.roles = new Roles(config, names);
  }

  FlowRecord toRecord(Flow flow, EndReason endReason) {
    Roles.Role role = roles.decide(flow);
    boolean clientIsA = role.clientSide() == Flow.SIDE_A;
    Endpoint a = endpoint(flow.ipVersion, flow.aHi, flow.aLo, flow.aPort, clientIsA);
    Endpoint b = endpoint(flow.ipVersion, flow.bHi, flow.bLo, flow.bPort, !clientIsA);
    DirectionStats fromA = new DirectionStats(flow.packetsFromA, flow.bytesFromA, flow.payloadFromA);
    DirectionStats fromB = new DirectionStats(flow.packetsFromB, flow.bytesFromB, flow.payloadFromB);
    return new FlowRecord(
        flow.id,
        null,
        TRANSPORT_TCP,
        flow.ipVersion,
        flow.vlanOuter == Segment.NO_VLAN ? null : flow.vlanOuter,
        clientIsA ? a : b,
        clientIsA ? b : a,
        role.source(),
        flow.firstSeenNanos,
        flow.lastSeenNanos,
        clientIsA ? fromA : fromB,
        clientIsA ? fromB : fromA,
        null,
        null,
        endReason);
  }

  private Endpoint endpoint(int ipVersion, long hi, long lo, int port, boolean client) {
    return new Endpoint(
        IpText.format(ipVersion, hi, lo),
        port,
        PortClass.of(port),
        client && config.isEphemeral(port),
        names.tcp(port));
  }
}
