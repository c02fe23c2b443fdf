package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowSink;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;

/**
 * Groups TCP segments into flows. A flow is created on its first segment, numbered in that order
 * (as tshark numbers {@code tcp.stream}), fed to its {@link io.portflow.analyze.tcp.TcpConnectionState}
 * segment by segment, and emitted to the {@link FlowSink} when a new connection takes over its
 * 4-tuple or when the input ends.
 *
 * <p>Port reuse follows tshark 4.0's {@code tcp.stream} rule, not Zeek's {@code IsReuse}, so that
 * packet and byte counts stay comparable with tshark: a bare SYN splits when its sequence number
 * differs from its sender's base sequence number, open or closed. Zeek splits in the same cases
 * except three rare ones: a SYN with the old initial sequence number after a close (Zeek splits,
 * tshark does not), a bare SYN from the responder (Zeek compares it with the originator's ISN),
 * and a SYN+ACK with a new number while the originator is silent (Zeek splits). Not thread-safe.
 */
public final class FlowTracker {
  private final FlowSink sink;
  private final Roles roles;
  private final FlowRecords records;
  private final FlowTable table = new FlowTable();
  private final FlowProbe probe = new FlowProbe();
  private long nextId;
  private long emitted;

  public FlowTracker(AnalyzerConfig config, FlowSink sink) {
    this(config, ServiceNames.iana(), sink);
  }

  FlowTracker(AnalyzerConfig config, ServiceNames names, FlowSink sink) {
    this.sink = sink;
    this.roles = new Roles(config, names);
    this.records = new FlowRecords(config, names, roles);
  }

  /** Counts one segment against its flow. Allocates only when the segment starts a flow. */
  public void onSegment(Segment segment, long timestampNanos, int wireLength) {
    probe.set(segment);
    Flow flow = table.find(probe);
    if (flow == null) {
      flow = newFlow(segment, timestampNanos);
      table.insert(flow);
    } else if (flow.isReusedBy(segment, probe.fromA)) {
      Flow successor = newFlow(segment, timestampNanos);
      table.replace(flow, successor);
      emit(flow, EndReason.REUSED);
      flow = successor;
    }
    flow.add(segment, probe.fromA, timestampNanos, wireLength);
    flow.track(segment, probe.fromA, timestampNanos);
  }

  private Flow newFlow(Segment first, long timestampNanos) {
    return new Flow(nextId++, probe, timestampNanos, roles.senderIsClient(first));
  }

  /** Emits every live flow, in flow-id order, with end reason end-of-capture. */
  public void finish() {
    Flow[] live = table.inIdOrder();
    table.clear();
    for (Flow flow : live) {
      emit(flow, EndReason.END_OF_CAPTURE);
    }
  }

  /** Flow records emitted so far. */
  public long emitted() {
    return emitted;
  }

  /** Flows alive in the table. */
  public int active() {
    return table.size();
  }

  private void emit(Flow flow, EndReason reason) {
    emitted++;
    sink.flowFinished(records.toRecord(flow, reason));
  }
}
