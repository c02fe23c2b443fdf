package io.portflow.analyze;

import io.portflow.analyze.decode.SkipReason;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analyzer saw over the whole input, flows aside.
 *
 * @param packets every frame handed in
 * @param bytes sum of wire lengths of every frame
 * @param tcpPackets frames that carried a decodable TCP header (and TCP was selected)
 * @param flows flow records emitted
 * @param firstSeenNanos timestamp of the first frame, or 0 when there was none
 * @param lastSeenNanos timestamp of the last frame, or 0 when there was none
 * @param linkTypes frames per link type name ({@code ethernet}, {@code linux-sll}, ...), in order of first appearance
 * @param skipped frames not counted in any flow, per named reason ({@code arp}, {@code udp},
 *     {@code icmp}, {@code ipv4-fragment}, {@code truncated-tcp-header}, {@code unknown-link-type-147}, ...),
 *     sorted by reason; {@code packets == tcpPackets + udpPackets + } the sum of these counts
 * @param udpPackets frames that carried a UDP datagram counted in a flow (UDP selected)
 * @param malformed frames counted in a flow although part of them was malformed, per {@link
 *     io.portflow.analyze.decode.Malformation} ({@code bad-tcp-option-length}, ...), sorted by name
 */
public record CaptureSummary(
    long packets,
    long bytes,
    long tcpPackets,
    long flows,
    long firstSeenNanos,
    long lastSeenNanos,
    Map<String, Long> linkTypes,
    Map<String, Long> skipped,
    long udpPackets,
    Map<String, Long> malformed) {

  /**
   * The named anomalies among the skipped frames ({@code truncated-tcp-header},
   * {@code bad-ipv4-header-length}, {@code unknown-link-type-147}, {@code ipv4-fragment}, ...) and
   * the {@link #malformed} parts of counted frames ({@code bad-tcp-option-length}, ...), sorted by
   * name: what was damaged or could not be decoded, counted instead of failing.
   */
  public Map<String, Long> anomalies() {
    Map<String, Long> anomalies = new TreeMap<>(malformed);
    skipped.forEach((reason, count) -> {
      if (SkipReason.isAnomaly(reason)) {
        anomalies.put(reason, count);
      }
    });
    return Collections.unmodifiableMap(anomalies);
  }

  /** A summary with nothing malformed in the frames it counted. */
  public CaptureSummary(long packets, long bytes, long tcpPackets, long flows, long firstSeenNanos,
      long lastSeenNanos, Map<String, Long> linkTypes, Map<String, Long> skipped, long udpPackets) {
    this(packets, bytes, tcpPackets, flows, firstSeenNanos, lastSeenNanos, linkTypes, skipped,
        udpPackets, Map.of());
  }

  /** A summary of a TCP-only run. */
  public CaptureSummary(long packets, long bytes, long tcpPackets, long flows, long firstSeenNanos,
      long lastSeenNanos, Map<String, Long> linkTypes, Map<String, Long> skipped) {
    this(packets, bytes, tcpPackets, flows, firstSeenNanos, lastSeenNanos, linkTypes, skipped, 0);
  }
}
