package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.RoleSource;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;

/**
 * Decides which side of a flow is the client, from everything the flow saw (so a SYN captured after
 * the first data segments still decides):
 *
 * <ol>
 *   <li>{@code syn}: the sender of the first SYN without ACK is the client;
 *   <li>{@code syn-ack}: else the sender of the first SYN+ACK is the server;
 *   <li>{@code port}: else a service port beats a non-service port; between two service ports or two
 *       non-service ports the lower port is the server; with equal ports the receiver of the flow's
 *       first packet is the server (whoever speaks first is most likely the client).
 * </ol>
 *
 * A service port is a well-known port (0-1023), a port with an IANA service name, or a port outside
 * the configured ephemeral range. UDP flows have their own rule ({@link #datagramRole}).
 */
final class Roles {
  private final AnalyzerConfig config;
  private final ServiceNames names;

  Roles(AnalyzerConfig config, ServiceNames names) {
    this.config = config;
    this.names = names;
  }

  /** Who is the client and which rule said so. */
  record Role(int clientSide, RoleSource source) {}

  Role decide(Flow flow) {
    if (flow.protocol == Segment.UDP) {
      return datagramRole(flow);
    }
    if (flow.firstBareSynSender != Flow.NO_SIDE) {
      return new Role(flow.firstBareSynSender, RoleSource.SYN);
    }
    if (flow.firstSynAckSender != Flow.NO_SIDE) {
      return new Role(other(flow.firstSynAckSender), RoleSource.SYN_ACK);
    }
    return new Role(other(serverByPort(flow)), RoleSource.PORT);
  }

  boolean isServicePort(int port) {
    return isServicePort(port, Segment.TCP);
  }

  private boolean isServicePort(int port, int protocol) {
    String name = protocol == Segment.UDP ? names.udp(port) : names.tcp(port);
    return port <= 1023 || name != null || !config.isEphemeral(port);
  }

  /**
   * UDP has no handshake. As Zeek decides: the first datagram's sender is the client, unless only
   * the other end has a service port (a DNS answer seen before its query).
   */
  private Role datagramRole(Flow flow) {
    boolean aService = isServicePort(flow.aPort, Segment.UDP);
    if (aService != isServicePort(flow.bPort, Segment.UDP)) {
      return new Role(aService ? Flow.SIDE_B : Flow.SIDE_A, RoleSource.PORT);
    }
    return new Role(flow.firstSender, RoleSource.FIRST_PACKET);
  }

  /**
   * The same rules applied to a flow's first segment alone, which is all Zeek's state machine has
   * when it must name the originator: whether that segment's sender is the client.
   */
  boolean senderIsClient(Segment first) {
    if (first.isBareSyn()) {
      return true;
    }
    if (first.isSynAck()) {
      return false;
    }
    return !isServerByPort(first.srcPort(), first.dstPort());
  }

  private int serverByPort(Flow flow) {
    if (flow.aPort == flow.bPort) {
      return other(flow.firstSender);
    }
    return isServerByPort(flow.aPort, flow.bPort) ? Flow.SIDE_A : Flow.SIDE_B;
  }

  /** Whether {@code port} is the server's against {@code otherPort}; false for equal ports. */
  private boolean isServerByPort(int port, int otherPort) {
    boolean service = isServicePort(port);
    if (service != isServicePort(otherPort)) {
      return service;
    }
    return port < otherPort;
  }

  private static int other(int side) {
    return side == Flow.SIDE_A ? Flow.SIDE_B : Flow.SIDE_A;
  }
}
