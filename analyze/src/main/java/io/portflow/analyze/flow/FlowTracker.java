package io.portflow.analyze.flow;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.FlowSink;
import io.portflow.analyze.FlowStartListener;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.port.ServiceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Groups TCP segments and UDP datagrams into flows. A flow is created on its first segment, numbered in that order
 * (as tshark numbers {@code tcp.stream}), fed to its {@link io.portflow.analyze.tcp.TcpConnectionState}
 * segment by segment, and emitted to the {@link FlowSink} and dropped from the table when it
 * finishes, so that memory holds only the flows alive at once.
 *
 * <p>A flow finishes, by capture time:
 *
 * <ul>
 *   <li>{@link AnalyzerConfig#CLOSE_LINGER} after its close completed (both sides sent a FIN, a
 *       RST, or a FIN to a silent peer): Zeek's tcp_close_delay, which keeps a late ACK or a
 *       retransmitted FIN in the flow;
 *   <li>after {@link AnalyzerConfig#idleTimeout()} without a packet, if it had not closed (UDP:
 *       {@link AnalyzerConfig#udpIdleTimeout()});
 *   <li>when a new connection takes over its 4-tuple, or when the input ends.
 * </ul>
 *
 * <p>Port reuse follows tshark 4.0's {@code tcp.stream} rule, not Zeek's {@code IsReuse}, so that
 * packet and byte counts stay comparable with tshark: a bare SYN splits when its sequence number
 * differs from its sender's base sequence number, open or closed. Zeek splits in the same cases
 * except three rare ones: a SYN with the old initial sequence number after a close (Zeek splits,
 * tshark does not), a bare SYN from the responder (Zeek compares it with the originator's ISN),
 * and a SYN+ACK with a new number while the originator is silent (Zeek splits).
 *
 * <p>Emission order is a function of the input alone: expired flows in deadline order, then at
 * the end every remaining flow in flow-id order. Equal deadlines in one queue (flows last touched
 * at the same timestamp) keep the order they were touched in; across queues the lower flow id
 * goes first. Not thread-safe.
 */
public final class FlowTracker {
  private final Consumer<FinishedFlow> sink;
  private final FlowStartListener started;
  private final Roles roles;
  private final FlowRecords records;
  private final FlowTable table = new FlowTable();
  private final FlowProbe probe = new FlowProbe();
  private final ExpiryQueue open;
  private final ExpiryQueue closing;
  private final ExpiryQueue datagrams;
  private final ExpiryQueue[] queues;
  /** The latest capture time seen: deadlines run on it, so a clock stepping back delays nothing. */
  private long clock = Long.MIN_VALUE;
  private long nextId;
  private long emitted;
  private int peakActive;

  public FlowTracker(AnalyzerConfig config, FlowSink sink) {
    this(config, ServiceNames.iana(), building(sink), FlowStartListener.NONE);
  }

  /** As {@link #FlowTracker(AnalyzerConfig, FlowSink)}, telling {@code started} of each new flow. */
  public FlowTracker(AnalyzerConfig config, FlowSink sink, FlowStartListener started) {
    this(config, ServiceNames.iana(), building(sink), started);
  }

  FlowTracker(AnalyzerConfig config, ServiceNames names, FlowSink sink) {
    this(config, names, building(sink), FlowStartListener.NONE);
  }

  /**
   * Hands each finished flow to {@code sink} before its record is built, so that the record can
   * be built elsewhere ({@link FinishedFlow#toRecord()}).
   */
  public static FlowTracker deferringRecords(AnalyzerConfig config, Consumer<FinishedFlow> sink) {
    return new FlowTracker(config, ServiceNames.iana(), Objects.requireNonNull(sink, "sink"),
        FlowStartListener.NONE);
  }

  private FlowTracker(AnalyzerConfig config, ServiceNames names, Consumer<FinishedFlow> sink,
      FlowStartListener started) {
    this.sink = sink;
    this.started = started;
    this.roles = new Roles(config, names);
    this.records = new FlowRecords(config, names, roles);
    this.open = new ExpiryQueue(config.idleTimeout().toNanos());
    this.closing = new ExpiryQueue(AnalyzerConfig.CLOSE_LINGER.toNanos());
    this.datagrams = new ExpiryQueue(config.udpIdleTimeout().toNanos());
    this.queues = new ExpiryQueue[] {open, closing, datagrams};
  }

  /**
   * Moves the capture clock to {@code timestampNanos} (never back) and emits every flow whose
   * deadline has come. Cheap when nothing expired: one look at the head of each queue.
   */
  public void advance(long timestampNanos) {
    if (timestampNanos > clock) {
      moveClock(timestampNanos); // out of line, so that this test (twice per segment) inlines
    }
  }

  private void moveClock(long timestampNanos) {
    clock = timestampNanos;
    if (clock < open.headDeadline() && clock < closing.headDeadline()
        && clock < datagrams.headDeadline()) {
      return;
    }
    for (Flow due = nextDue(); due != null; due = nextDue()) {
      due.queue.remove(due);
      table.remove(due);
      emit(due, EndReason.IDLE_TIMEOUT);
    }
  }

  /** Counts one segment against its flow. Allocates only when the segment starts a flow. */
  public void onSegment(Segment segment, long timestampNanos, int wireLength) {
    advance(timestampNanos);
    probe.set(segment);
    Flow flow = table.find(probe);
    boolean isNew = flow == null;
    if (isNew) {
      flow = newFlow(segment, timestampNanos);
      table.insert(flow);
      peakActive = Math.max(peakActive, table.size());
    } else if (flow.isReusedBy(segment, probe.fromA)) {
      Flow successor = newFlow(segment, timestampNanos);
      table.replace(flow, successor);
      flow.queue.remove(flow);
      emit(flow, EndReason.REUSED);
      flow = successor;
      isNew = true;
    }
    flow.add(segment, probe.fromA, timestampNanos, wireLength);
    flow.track(segment, probe.fromA, timestampNanos);
    schedule(flow, segment.flags());
    if (isNew && started != FlowStartListener.NONE) {
      started.flowStarted(records.toRecord(flow, null));
    }
  }

  /**
   * The flows alive now as records so far, in flow-id order: counts up to the last segment, roles
   * as decided now, end reason {@code fin} or {@code rst} once the connection ended, else null.
   * Builds every record afresh: meant for a view redrawn a few times a second, not per packet.
   */
  public List<FlowRecord> openRecords() {
    List<FlowRecord> open = new ArrayList<>(table.size());
    for (Flow flow : table.inIdOrder()) {
      open.add(records.toRecord(flow, null));
    }
    return open;
  }

  /** Emits every live flow, in flow-id order, and empties the table. */
  public void finish() {
    Flow[] live = table.inIdOrder();
    table.clear();
    for (ExpiryQueue queue : queues) {
      queue.clear();
    }
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

  /** The most flows that were alive at once. */
  public int peakActive() {
    return peakActive;
  }

  private Flow newFlow(Segment first, long timestampNanos) {
    return new Flow(nextId++, probe, timestampNanos, roles.senderIsClient(first));
  }

  /**
   * A closing flow keeps the deadline its close set, as Zeek's close timer does; any other flow's
   * idle time starts again.
   */
  private void schedule(Flow flow, int flags) {
    if (flow.tcp == null) {
      datagrams.touch(flow, clock);
      return;
    }
    if (flow.queue == closing) {
      return;
    }
    if ((flags & (Segment.FIN | Segment.RST)) != 0 && flow.closeComplete()) {
      closing.touch(flow, clock);
    } else {
      open.touch(flow, clock);
    }
  }

  /**
   * The head whose deadline is earliest and not after the clock (ties between queues: lowest id),
   * or null.
   */
  private Flow nextDue() {
    Flow due = null;
    long dueAt = 0;
    for (ExpiryQueue queue : queues) {
      long deadline = queue.headDeadline();
      Flow head = deadline <= clock ? queue.head() : null;
      if (head != null
          && (due == null || deadline < dueAt || (deadline == dueAt && head.id < due.id))) {
        due = head;
        dueAt = deadline;
      }
    }
    return due;
  }

  private void emit(Flow flow, EndReason reason) {
    emitted++;
    sink.accept(new FinishedFlow(flow, reason, records));
  }

  /** Builds each record at once and gives it to {@code sink}. */
  private static Consumer<FinishedFlow> building(FlowSink sink) {
    Objects.requireNonNull(sink, "sink");
    return finished -> sink.flowFinished(finished.toRecord());
  }
}
