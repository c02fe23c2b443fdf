package io.portflow.analyze;

import java.util.Map;

/**
 * What the analyzer saw over the whole input, flows aside.
 *
 * @param packets every frame handed in
 * @param bytes sum of wire lengths of every frame
 * @param tcpPackets frames that carried a decodable TCP header
 * @param flows flow records emitted
 * @param firstSeenNanos timestamp of the first frame, or 0 when there was none
 * @param lastSeenNanos timestamp of the last frame, or 0 when there was none
 * @param linkTypes frames per link type name ({@code ethernet}, {@code linux-sll}, ...), in order of first appearance
 * @param skipped frames not counted in any flow, per named reason ({@code arp}, {@code udp},
 *     {@code icmp}, {@code ipv4-fragment}, {@code truncated-tcp-header}, {@code unknown-link-type-147}, ...),
 *     sorted by reason; {@code packets == tcpPackets + } the sum of these counts
 */
public record CaptureSummary(
    long packets,
    long bytes,
    long tcpPackets,
    long flows,
    long firstSeenNanos,
    long lastSeenNanos,
    Map<String, Long> linkTypes,
    Map<String, Long> skipped) {}
