package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.i32;

/**
 * The frame most captures are made of: untagged Ethernet, an unfragmented IPv4 header without
 * options, TCP. Decoded in one method, a 32-bit word at a time, whose checks together are the
 * general layers' checks for such a frame, so it fills the segment exactly as they would;
 * anything else (a frame they would skip too) is left to them.
 */
final class PlainFrame {
  /** Ethernet header, IPv4 header without options, TCP header without options. */
  private static final int MIN_LENGTH = 14 + 20 + TcpHeader.MIN_LENGTH;
  /** Where the IPv4 header starts. */
  private static final int IP = 14;
  /** Where the TCP header starts. */
  private static final int TCP = IP + 20;
  /** Ethertype 0x0800, then version 4 with a 5-word header: the word at byte 12, less its last byte. */
  private static final int IPV4_NO_OPTIONS = 0x080045;
  private static final int PROTO_TCP = 6;
  /** The more-fragments flag and the fragment offset, in the word at IP + 4. */
  private static final int FRAGMENT_BITS = 0x3fff0000;

  private PlainFrame() {}

  /**
   * Decodes an Ethernet frame at {@code offset} into {@code out} when it is a plain IPv4 TCP frame.
   *
   * @param reportedEnd end of the frame by its original length
   * @return false, with {@code out} unchanged, for every other frame
   */
  static boolean decode(Segment out, byte[] data, int offset, int capturedLength, int reportedEnd) {
    if (capturedLength < MIN_LENGTH) {
      return false;
    }
    int typeAndVersion = i32(data, offset + 12);
    int lengthAndId = i32(data, offset + IP + 2);
    int fragmentAndProtocol = i32(data, offset + IP + 6);
    if (typeAndVersion >>> 8 != IPV4_NO_OPTIONS
        || (fragmentAndProtocol & (FRAGMENT_BITS | 0xff)) != PROTO_TCP) {
      return false;
    }
    int reported = reportedEnd - (offset + IP);
    int totalLength = lengthAndId >>> 16;
    int ipLength = totalLength == 0 ? reported : Math.min(totalLength, reported);
    int ipPayload = ipLength - 20;
    int tcpCaptured = Math.min(capturedLength, IP + ipLength) - TCP;
    int control = i32(data, offset + TCP + 12);
    int headerLength = control >>> 28 << 2;
    if (headerLength < TcpHeader.MIN_LENGTH || headerLength > ipPayload || headerLength > tcpCaptured) {
      return false;
    }
    int ports = i32(data, offset + TCP);
    int flags = control >>> 16 & 0x0fff;
    int payload = ipPayload - headerLength;
    out.reset();
    out.setIpv4(i32(data, offset + IP + 12), i32(data, offset + IP + 16));
    out.setTcp(ports >>> 16, ports & 0xffff, i32(data, offset + TCP + 4), i32(data, offset + TCP + 8),
        flags, control & 0xffff, payload, Math.max(0, Math.min(payload, tcpCaptured - headerLength)));
    if ((flags & Segment.SYN) != 0 && headerLength > TcpHeader.MIN_LENGTH) {
      TcpOptions.read(data, offset + TCP + TcpHeader.MIN_LENGTH, offset + TCP + headerLength, out);
    } else {
      out.setOptions(-1, -1, false);
    }
    return true;
  }
}
