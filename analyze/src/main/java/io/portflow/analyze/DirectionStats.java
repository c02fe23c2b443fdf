package io.portflow.analyze;

/**
 * What one side sent. The TCP counters are null for a transport without them (UDP); {@code mss}
 * and {@code windowScale} are null when this side's SYN did not offer them or was not seen.
 *
 * @param packets frames
 * @param bytes frame bytes on the wire (original length), as tshark's conversation table counts
 * @param payloadBytes TCP (or UDP) payload bytes
 * @param retransmittedPackets segments carrying payload this side had already been seen to send
 * @param retransmittedBytes the already-seen payload bytes in those segments
 * @param outOfOrderPackets segments bringing new payload below the highest byte already seen
 *     (arrived late, or an earlier copy was not captured)
 * @param zeroWindowEvents segments advertising a zero receive window, except with or after a RST
 *     and after the peer's FIN (Zeek's rule for the history letter 'w')
 * @param mss maximum segment size offered in this side's SYN or SYN+ACK
 * @param windowScale window scale shift count offered in this side's SYN or SYN+ACK
 */
public record DirectionStats(
    long packets,
    long bytes,
    long payloadBytes,
    Long retransmittedPackets,
    Long retransmittedBytes,
    Long outOfOrderPackets,
    Long zeroWindowEvents,
    Integer mss,
    Integer windowScale) {

  /** Counters without TCP detail. */
  public DirectionStats(long packets, long bytes, long payloadBytes) {
    this(packets, bytes, payloadBytes, null, null, null, null, null, null);
  }

  /** The same counters without the TCP detail: for comparing the numbers tshark also gives. */
  public DirectionStats counters() {
    return new DirectionStats(packets, bytes, payloadBytes);
  }
}
