package io.portflow.analyze.tcp;

/**
 * TCP counters for what one side sent.
 *
 * @param retransmittedSegments payload segments carrying at least one byte this side had already
 *     been seen to send
 * @param retransmittedBytes those already-seen bytes
 * @param outOfOrderSegments payload segments bringing new bytes below the highest byte seen, i.e.
 *     filling a hole (arrived late, or an earlier copy was not captured)
 * @param zeroWindowEvents segments advertising a zero window, not counting those with or after a
 *     RST or after the peer's FIN (Zeek's rule for 'w')
 * @param zeekRetransmissions segments Zeek counts for 't': payload that does not advance the
 *     highest sequence number
 * @param contentGaps Zeek's content gaps ('g'): acknowledged data this side was not seen to send
 * @param checksumErrors segments reported with a bad checksum
 * @param mss MSS option offered, or -1
 * @param windowScale window scale shift offered, or -1
 * @param sackPermitted whether SACK-permitted was offered
 */
public record TcpDirectionDetail(
    long retransmittedSegments,
    long retransmittedBytes,
    long outOfOrderSegments,
    long zeroWindowEvents,
    long zeekRetransmissions,
    long contentGaps,
    long checksumErrors,
    int mss,
    int windowScale,
    boolean sackPermitted) {

  static TcpDirectionDetail of(TcpEndpoint e) {
    return new TcpDirectionDetail(
        e.retransmittedSegments,
        e.retransmittedBytes,
        e.outOfOrderSegments,
        e.zeroWindows,
        e.retransmissions,
        e.gaps,
        e.checksumErrors,
        e.mss,
        e.windowScale,
        e.sackPermitted);
  }
}
