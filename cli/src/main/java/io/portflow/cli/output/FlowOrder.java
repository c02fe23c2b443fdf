package io.portflow.cli.output;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.FlowRecord;
import java.util.Comparator;

/** The orders {@code --sort} accepts. Every order ends on flow_id so the output is deterministic. */
public enum FlowOrder {
  /** Earliest first: first_seen, then flow_id (the order tshark numbers its streams in). */
  START("start", Comparator.comparingLong(FlowRecord::firstSeenNanos)),
  /** Most bytes (both directions) first. */
  BYTES("bytes", Comparator.comparingLong(FlowOrder::totalBytes).reversed()),
  /** Most packets (both directions) first. */
  PACKETS("packets", Comparator.comparingLong(FlowOrder::totalPackets).reversed()),
  /** Longest first. */
  DURATION("duration", Comparator.comparingLong(FlowOrder::durationNanos).reversed());

  private final String label;
  private final Comparator<FlowRecord> comparator;

  FlowOrder(String label, Comparator<FlowRecord> primary) {
    this.label = label;
    this.comparator = primary.thenComparingLong(FlowRecord::flowId);
  }

  /** The name on the command line. */
  public String label() {
    return label;
  }

  public Comparator<FlowRecord> comparator() {
    return comparator;
  }

  static long totalBytes(FlowRecord flow) {
    return bytes(flow.clientToServer()) + bytes(flow.serverToClient());
  }

  static long totalPackets(FlowRecord flow) {
    return packets(flow.clientToServer()) + packets(flow.serverToClient());
  }

  private static long durationNanos(FlowRecord flow) {
    return flow.lastSeenNanos() - flow.firstSeenNanos();
  }

  private static long bytes(DirectionStats stats) {
    return stats == null ? 0 : stats.bytes();
  }

  private static long packets(DirectionStats stats) {
    return stats == null ? 0 : stats.packets();
  }
}
