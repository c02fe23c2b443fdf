package io.portflow.cli.watch;

import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.FlowProcesses;

/**
 * One open flow as the live view shows it.
 *
 * @param flowId the flow's id, the last tie-breaker in the order
 * @param client {@code 10.0.0.2:52114} or {@code [2001:db8::2]:52114}
 * @param server as {@code client}
 * @param service the server port's IANA name, or null
 * @param state Zeek's conn_state so far, or null when not known
 * @param packets both directions
 * @param bytes both directions, on the wire
 * @param rate bytes per second over the last second
 * @param processes local processes at either end
 */
public record LiveRow(
    long flowId,
    String client,
    String server,
    String service,
    String state,
    long packets,
    long bytes,
    FlowRates.Rate rate,
    FlowProcesses processes) {

  /** A row for an open flow's record as the analyzer has it so far. */
  public static LiveRow of(FlowRecord flow, FlowRates.Rate rate, FlowProcesses processes) {
    return new LiveRow(flow.flowId(), hostPort(flow.client()), hostPort(flow.server()), flow.server().service(),
        flow.connState(), flow.clientToServer().packets() + flow.serverToClient().packets(),
        flow.clientToServer().bytes() + flow.serverToClient().bytes(), rate, processes);
  }

  static String hostPort(Endpoint end) {
    return end.ip().indexOf(':') >= 0 ? "[" + end.ip() + "]:" + end.port() : end.ip() + ":" + end.port();
  }
}
