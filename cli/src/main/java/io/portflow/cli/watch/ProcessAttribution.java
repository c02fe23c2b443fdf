package io.portflow.cli.watch;

import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.ProcessInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The processes of each flow, looked up while the flow is open and kept until it is emitted: a
 * connection's socket is gone from /proc soon after it closes, so asking only at the end would
 * lose most answers. An end found once stays found; an end not found yet is asked again (the
 * resolver decides when a rescan is worth it). Not thread-safe: the capture thread owns it.
 */
public final class ProcessAttribution {
  private final ProcessResolver resolver;
  private final Map<Long, FlowProcesses> known = new HashMap<>();

  public ProcessAttribution(ProcessResolver resolver) {
    this.resolver = resolver;
  }

  /** For a flow still open: look up what is missing, remember it. */
  public FlowProcesses of(FlowRecord flow) {
    FlowProcesses before = known.getOrDefault(flow.flowId(), FlowProcesses.NONE);
    if (before.complete()) return before;
    FlowProcesses now = before.orElse(lookUp(flow, before));
    if (!now.isEmpty()) known.put(flow.flowId(), now);
    return now;
  }

  /** For a flow being emitted: a last look-up, then forget it. */
  public FlowProcesses finish(FlowRecord flow) {
    FlowProcesses result = of(flow);
    known.remove(flow.flowId());
    return result;
  }

  /**
   * The capture stopped: the flows still open are about to be emitted, and their sockets still
   * exist, so let their last look-up scan /proc once more even if a scan just ran.
   */
  public void stopping() {
    resolver.allowRescan();
  }

  /** Flows with at least one process remembered (open flows that were asked about). */
  public int remembered() {
    return known.size();
  }

  /** Asks only for the ends not known yet. */
  private FlowProcesses lookUp(FlowRecord flow, FlowProcesses before) {
    Endpoint c = flow.client();
    Endpoint s = flow.server();
    String t = flow.transport();
    ProcessInfo client = before.client() != null ? null : resolver.localEnd(t, c.ip(), c.port(), s.ip(), s.port(), false);
    ProcessInfo server = before.server() != null ? null : resolver.localEnd(t, s.ip(), s.port(), c.ip(), c.port(), true);
    return new FlowProcesses(client, server);
  }
}
