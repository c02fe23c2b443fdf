package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.RoleSource;
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
 * the configured ephemeral range.
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
    if (flow.firstBareSynSender != Flow.NO_SIDE) {
      return new Role(flow.firstBareSynSender, RoleSource.SYN);
    }
    if (flow.firstSynAckSender != Flow.NO_SIDE) {
      return new Role(other(flow.firstSynAckSender), RoleSource.SYN_ACK);
    }
    return new Role(other(serverByPort(flow)), RoleSource.PORT);
  }

  boolean isServicePort(int port) {
    return port <= 1023 || names.tcp(port) != null || !config.isEphemeral(port);
  }

  private int serverByPort(Flow flow) {
    boolean aService = isServicePort(flow.aPort);
    boolean bService = isServicePort(flow.bPort);
    if (aService != bService) {
      return aService ? Flow.SIDE_A : Flow.SIDE_B;
    }
    if (flow.aPort != flow.bPort) {
      return flow.aPort < flow.bPort ? Flow.SIDE_A : Flow.SIDE_B;
    }
    return other(flow.firstSender);
  }

  private static int other(int side) {
    return side == Flow.SIDE_A ? Flow.SIDE_B : Flow.SIDE_A;
  }
}
