package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.u16;

/**
 * The UDP header (RFC 768). The payload length comes from the IP length fields, as for TCP, so that
 * Ethernet padding is not payload; the UDP length field is not trusted over them.
 */
final class UdpHeader {
  static final int LENGTH = 8;

  private UdpHeader() {}

  /**
   * Reads the UDP header at {@code offset} into {@code out}.
   *
   * @param capturedEnd end of the captured bytes that belong to this IP datagram
   * @param ipEnd end of the IP payload by its length fields (may lie beyond the captured bytes)
   * @return {@link PacketDecoder#OK}, or a skip code
   */
  static int decode(byte[] data, int offset, int capturedEnd, int ipEnd, Segment out) {
    int ipPayload = ipEnd - offset;
    if (ipPayload < LENGTH || capturedEnd - offset < LENGTH) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_UDP_HEADER);
    }
    int payload = ipPayload - LENGTH;
    out.setUdp(u16(data, offset), u16(data, offset + 2), payload,
        Math.max(0, Math.min(payload, capturedEnd - offset - LENGTH)));
    return PacketDecoder.OK;
  }
}
