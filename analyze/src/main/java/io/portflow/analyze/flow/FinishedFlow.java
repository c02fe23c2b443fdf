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
  /**
   * Decided here, once, on the tracker's thread: a branch on it while the record is built would
   * be compiled for the closed connections that make up most of a capture, then recompiled when
   * the first idle or end-of-capture flows arrive late in the run.
   */
  private final EndReason endReason;
  private final FlowRecords records;

  /** @param trigger why the tracker finished the flow; the record says RST or FIN if it ended so */
  FinishedFlow(Flow flow, EndReason trigger, FlowRecords records) {
    this.flow = flow;
    this.endReason = FlowRecords.endReason(flow, trigger);
    this.records = records;
  }

  /** The flow's id: its place in the order of first packets. */
  public long id() {
    return flow.id;
  }

  public FlowRecord toRecord() {
    return records.record(flow, endReason);
  }
}
