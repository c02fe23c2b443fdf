package io.portflow.analyze.flow;

import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;

/**
 * A flow the tracker has finished with, before its record is built. Building a record (Community
 * ID, addresses as text, labels, Zeek's state strings) is a fair part of the work per flow; handed
 * out like this, it can be done on another thread than the flow table's. The tracker never touches
 * the flow again, so once handed over (through anything that publishes, such as a queue) the
 * receiving thread may call {@link #toRecord()}, once or more, and gets what the tracker would have
 * built.
 */
public final class FinishedFlow {
  private final Flow flow;
  private final EndReason trigger;
  private final FlowRecords records;

  FinishedFlow(Flow flow, EndReason trigger, FlowRecords records) {
    this.flow = flow;
    this.trigger = trigger;
    this.records = records;
  }

  /** The flow's id: its place in the order of first packets. */
  public long id() {
    return flow.id;
  }

  public FlowRecord toRecord() {
    return records.toRecord(flow, trigger);
  }
}
