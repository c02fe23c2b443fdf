package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.i32;
import static io.portflow.analyze.decode.Bytes.u16;
import static io.portflow.analyze.decode.Bytes.u8;

/**
 * The TCP header (RFC 9293 section 3.1). Options are read only from a SYN ({@link TcpOptions}):
 * they are what a handshake offers, and every other segment's options are skipped unread.
 */
final class TcpHeader {
  static final int MIN_LENGTH = 20;

  private TcpHeader() {}

  /**
   * Reads the TCP header at {@code offset} into {@code out}.
   *
   * @param capturedEnd end of the captured bytes that belong to this IP datagram
   * @param ipEnd end of the IP payload by its length fields (may lie beyond the captured bytes)
   * @return {@link PacketDecoder#OK}, or a skip code
   */
  static int decode(byte[] data, int offset, int capturedEnd, int ipEnd, Segment out) {
    int ipPayload = ipEnd - offset;
    if (ipPayload < MIN_LENGTH || capturedEnd - offset < MIN_LENGTH) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TCP_HEADER);
    }
    int headerLength = (u8(data, offset + 12) >>> 4) * 4;
    if (headerLength < MIN_LENGTH || headerLength > ipPayload) {
      return PacketDecoder.skip(SkipReason.BAD_TCP_HEADER_LENGTH);
    }
    if (headerLength > capturedEnd - offset) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TCP_HEADER);
    }
    int flags = u16(data, offset + 12) & 0x0fff;
    int payload = ipPayload - headerLength;
    out.setTcp(
        u16(data, offset),
        u16(data, offset + 2),
        i32(data, offset + 4),
        i32(data, offset + 8),
        flags,
        u16(data, offset + 14),
        payload,
        Math.max(0, Math.min(payload, capturedEnd - offset - headerLength)));
    if ((flags & Segment.SYN) != 0 && headerLength > MIN_LENGTH) {
      TcpOptions.read(data, offset + MIN_LENGTH, offset + headerLength, out);
    } else {
      out.setOptions(-1, -1, false);
    }
    return PacketDecoder.OK;
  }
}
