package io.portflow.analyze;

import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.Malformation;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.analyze.decode.Segment;
import io.portflow.analyze.decode.SkipReason;
import io.portflow.analyze.flow.FinishedFlow;
import io.portflow.analyze.flow.FlowTracker;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The analyzer: frames in, flow records out. Each frame is decoded in place down to its TCP or UDP
 * header; segments of the selected transports are counted against their flows, every other frame
 * against a named reason in the summary's {@code skipped} map, so that {@code packets == tcpPackets
 * + udpPackets + sum(skipped)}.
 *
 * <p>Feed frames in capture order, then call {@link #finish()}. A flow goes to the sink as soon as
 * it finishes by capture time (closed and lingered, idle, or its 4-tuple reused), so a long capture
 * streams records out while it is read and memory follows the flows alive at once. Not thread-safe.
 */
public final class FlowAnalyzer {
  private static final SkipReason[] REASONS = SkipReason.values();
  private static final Malformation[] MALFORMATIONS = Malformation.values();

  private final PacketDecoder decoder = new PacketDecoder();
  private final FlowTracker flows;
  private final LinkTypeCounts linkTypes = new LinkTypeCounts();
  private final long[] skipped = new long[REASONS.length];
  private final long[] malformed = new long[MALFORMATIONS.length];
  private long packets;
  private long bytes;
  private final boolean tcpSelected;
  private final boolean udpSelected;
  private long tcpPackets;
  private long udpPackets;
  private long firstSeenNanos;
  private long lastSeenNanos;

  public FlowAnalyzer(AnalyzerConfig config, FlowSink sink) {
    this(config, sink, FlowStartListener.NONE);
  }

  /**
   * An analyzer that also tells {@code started} of each flow as its first packet is counted (a
   * live capture looks up the local process then, while the connection's socket still exists).
   */
  public FlowAnalyzer(AnalyzerConfig config, FlowSink sink, FlowStartListener started) {
    this(config, new FlowTracker(config, Objects.requireNonNull(sink, "sink"),
        Objects.requireNonNull(started, "started")));
  }

  private FlowAnalyzer(AnalyzerConfig config, FlowTracker flows) {
    Objects.requireNonNull(config, "config");
    this.flows = flows;
    this.tcpSelected = config.selects(Transport.TCP);
    this.udpSelected = config.selects(Transport.UDP);
  }

  /**
   * An analyzer that hands each finished flow to {@code sink} before its record is built, so that
   * records can be built on another thread ({@link FinishedFlow#toRecord()}); the records are the
   * ones {@link #FlowAnalyzer(AnalyzerConfig, FlowSink)} gives, in the same order.
   */
  public static FlowAnalyzer deferringRecords(AnalyzerConfig config, Consumer<FinishedFlow> sink) {
    Objects.requireNonNull(sink, "sink");
    return new FlowAnalyzer(config, FlowTracker.deferringRecords(config, sink));
  }

  /**
   * Takes one frame; same shape as the capture module's {@code FrameHandler}.
   *
   * @param timestampNanos capture time, nanoseconds since the epoch
   * @param linkType the frame's LINKTYPE_ value ({@link LinkTypes})
   * @param data buffer holding the captured bytes; read only during this call
   * @param offset where the frame starts in {@code data}
   * @param capturedLength bytes captured
   * @param wireLength the frame's original length, counted as its bytes
   * @throws IndexOutOfBoundsException when offset and captured length do not fit in {@code data}
   */
  public void onFrame(
      long timestampNanos, int linkType, byte[] data, int offset, int capturedLength, int wireLength) {
    Objects.checkFromIndexSize(offset, capturedLength, data.length);
    linkTypes.add(linkType, 1);
    if (decoder.decode(linkType, data, offset, capturedLength, wireLength, timestampNanos)) {
      count(timestampNanos, wireLength, decoder.segment(), null);
    } else {
      count(timestampNanos, wireLength, null, decoder.skipReason());
    }
  }

  /**
   * Takes frames another thread decoded, in capture order: the same counting and flow tracking as
   * {@link #onFrame} for each, so that the summary and the flow records are the same.
   */
  public void onBatch(DecodedBatch batch) {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    // Link types counted per run of frames: a capture file's frames share one or a few.
    int runType = batch.linkType(0);
    int runStart = 0;
    for (int i = 0; i < n; i++) {
      int linkType = batch.linkType(i);
      if (linkType != runType) {
        linkTypes.add(runType, i - runStart);
        runType = linkType;
        runStart = i;
      }
      count(batch.timestampNanos(i), batch.wireLength(i), batch.segment(i), batch.skipReason(i));
    }
    linkTypes.add(runType, n - runStart);
  }

  /** One decoded frame: {@code segment} when it holds one, else {@code skip} says why not. */
  private void count(long timestampNanos, int wireLength, Segment segment, SkipReason skip) {
    if (packets == 0) {
      firstSeenNanos = timestampNanos;
    }
    lastSeenNanos = timestampNanos;
    packets++;
    bytes += Integer.toUnsignedLong(wireLength);
    if (segment == null) {
      flows.advance(timestampNanos); // a segment's own lookup moves the clock: once is enough
      skipped[skip.ordinal()]++;
      return;
    }
    if (segment.malformations() != 0) {
      countMalformations(segment.malformations());
    }
    boolean tcp = segment.protocol() == Segment.TCP;
    if (!(tcp ? tcpSelected : udpSelected)) {
      flows.advance(timestampNanos);
      skipped[(tcp ? SkipReason.TCP : SkipReason.UDP).ordinal()]++;
      return;
    }
    if (tcp) {
      tcpPackets++;
    } else {
      udpPackets++;
    }
    flows.onSegment(segment, timestampNanos, wireLength);
  }

  private void countMalformations(int bits) {
    for (Malformation m : MALFORMATIONS) {
      if ((bits & m.bit()) != 0) {
        malformed[m.ordinal()]++;
      }
    }
  }

  /**
   * Emits every flow still in the table, in flow-id order: end reason {@code end-of-capture}, or
   * {@code fin} / {@code rst} for a connection that had ended. Frames fed afterwards start new
   * flows (with later ids).
   */
  public void finish() {
    flows.finish();
  }

  /**
   * Moves the capture clock to {@code nowNanos} without a frame, and emits the flows whose idle
   * timeout or close linger has passed by then. A live capture calls it on its ticks, so flows
   * finish on time while the interface is quiet; frames stamped earlier that arrive afterwards
   * are still counted. A time before the clock changes nothing.
   *
   * @param nowNanos wall clock, nanoseconds since the epoch (the scale of frame timestamps)
   */
  public void expireIdle(long nowNanos) {
    flows.advance(nowNanos);
  }

  /**
   * The flows alive now as records so far, in flow-id order (see {@link
   * FlowTracker#openRecords()}): for a live view, and to look up a flow's local processes while
   * they still exist. End reason null for a connection that has not ended.
   */
  public List<FlowRecord> openFlows() {
    return flows.openRecords();
  }

  /** Flows alive now: started and not yet emitted. */
  public int activeFlows() {
    return flows.active();
  }

  /** The most flows that were alive at once so far: what the flow table's memory follows. */
  public int peakActiveFlows() {
    return flows.peakActive();
  }

  /** Totals so far; {@code flows} counts the records emitted up to now. */
  public CaptureSummary summary() {
    Map<String, Long> reasons = new TreeMap<>();
    for (SkipReason reason : REASONS) {
      if (reason != SkipReason.UNKNOWN_LINK_TYPE && skipped[reason.ordinal()] > 0) {
        reasons.put(reason.label(), skipped[reason.ordinal()]);
      }
    }
    linkTypes.putUnknown(reasons);
    Map<String, Long> malformations = new TreeMap<>();
    for (Malformation m : MALFORMATIONS) {
      if (malformed[m.ordinal()] > 0) {
        malformations.put(m.label(), malformed[m.ordinal()]);
      }
    }
    return new CaptureSummary(
        packets,
        bytes,
        tcpPackets,
        flows.emitted(),
        firstSeenNanos,
        lastSeenNanos,
        Collections.unmodifiableMap(linkTypes.byName()),
        Collections.unmodifiableMap(reasons),
        udpPackets,
        Collections.unmodifiableMap(malformations));
  }
}
