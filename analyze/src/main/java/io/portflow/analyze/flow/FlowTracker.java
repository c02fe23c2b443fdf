package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowSink;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;

/**
 * Groups TCP segments into flows. A flow is created on its first segment, numbered in that order
 * (as tshark numbers {@code tcp.stream}), and emitted to the {@link FlowSink} when a new connection
 * takes over its 4-tuple or when the input ends. Not thread-safe.
 */
public final class FlowTracker {
  private final FlowSink sink;
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
    this.records = new FlowRecords(config, names);
  }

  /** Counts one segment against its flow. Allocates only when the segment starts a flow. */
  public void onSegment(Segment segment, long timestampNanos, int wireLength) {
    probe.set(segment);
    Flow flow = table.find(probe);
    if (flow == null) {
      flow = new Flow(nextId++, probe, timestampNanos);
      table.insert(flow);
    } else if (flow.isReusedBy(segment, probe.fromA)) {
      Flow successor = new Flow(nextId++, probe, timestampNanos);
      table.replace(flow, successor);
      emit(flow, EndReason.REUSED);
      flow = successor;
    }
    // Later work hooks in here: idle expiry and Zeek's reuse of closed connections decide before
    // the lookup (emit, then FlowTable.remove); the TCP state machine (conn_state, history) is fed
    // next to flow.add, with the same direction.
    flow.add(segment, probe.fromA, timestampNanos, wireLength);
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
