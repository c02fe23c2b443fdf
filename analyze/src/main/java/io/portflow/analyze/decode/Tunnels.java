package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.u16;
import static io.portflow.analyze.decode.Bytes.u8;

/**
 * Tunnels that carry frames or IP packets inside GRE (RFC 2784, 2890; PPTP's enhanced GRE;
 * ERSPAN) or UDP (VXLAN on port 4789, Geneve on 6081, GTP-U on 2152, GRE-in-UDP on 4754). As with the link layer, every method returns
 * the offset of the inner IP header or a negative skip code; the caller decodes the inner IP, whose
 * connection is the flow (tshark and Zeek count the inner connection too).
 */
final class Tunnels {
  static final int VXLAN_PORT = 4789;
  static final int GENEVE_PORT = 6081;
  static final int GTP_U_PORT = 2152;
  static final int GRE_IN_UDP_PORT = 4754;
  private static final int GTP_G_PDU = 0xff;
  /** What {@link #udp} returns for a datagram that is not a tunnel: it is the flow itself. */
  static final int NOT_A_TUNNEL = Integer.MIN_VALUE;

  private static final int GRE_CHECKSUM = 0x8000;
  private static final int GRE_ROUTING = 0x4000;
  private static final int GRE_KEY = 0x2000;
  private static final int GRE_SEQUENCE = 0x1000;
  private static final int GRE_ACK = 0x0080;
  private static final int GRE_VERSION = 0x0007;
  private static final int GRE_TRANSPARENT_ETHERNET = 0x6558;
  private static final int GRE_ERSPAN_2 = 0x88be;
  private static final int GRE_ERSPAN_3 = 0x22eb;
  private static final int GRE_WCCP = 0x883e;
  private static final int GRE_PPP = 0x880b;

  private Tunnels() {}

  static int gre(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 4) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    int flags = u16(data, offset);
    int protocol = u16(data, offset + 2);
    if ((flags & GRE_ROUTING) != 0 || (flags & GRE_VERSION) > 1) {
      return PacketDecoder.skip(SkipReason.OTHER_IP_PROTOCOL);
    }
    int header = 4;
    header += (flags & GRE_CHECKSUM) != 0 ? 4 : 0;
    header += (flags & GRE_KEY) != 0 ? 4 : 0;
    header += (flags & GRE_SEQUENCE) != 0 ? 4 : 0;
    header += (flags & GRE_ACK) != 0 ? 4 : 0;
    int payload = offset + header;
    if (end - payload < 0) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    switch (protocol) {
      case GRE_TRANSPARENT_ETHERNET:
        return LinkLayer.ethernet(data, payload, end, out);
      case GRE_ERSPAN_2:
        // Type I has no sequence number and no ERSPAN header; type II has both.
        return (flags & GRE_SEQUENCE) == 0
            ? LinkLayer.ethernet(data, payload, end, out)
            : LinkLayer.ethernet(data, payload + 8, end, out);
      case GRE_ERSPAN_3:
        return erspan3(data, payload, end, out);
      case GRE_WCCP:
        return wccp(data, payload, end);
      case GRE_PPP:
        return LinkLayer.ppp(data, payload, end, out);
      default:
        return LinkLayer.etherType(protocol, data, payload, end, out);
    }
  }

  /** ERSPAN type III: a 12-byte header, then an 8-byte platform subheader when its O bit is set. */
  private static int erspan3(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 12) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    boolean platform = (data[offset + 11] & 0x01) != 0;
    return LinkLayer.ethernet(data, offset + (platform ? 20 : 12), end, out);
  }

  /** WCCP redirection: IPv4 directly, or after the 4-byte WCCPv2 redirect header. */
  private static int wccp(byte[] data, int offset, int end) {
    if (end - offset < 1) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    return u8(data, offset) >>> 4 == 4 ? offset : offset + 4;
  }

  /**
   * A UDP datagram: VXLAN and Geneve carry Ethernet, GTP-U IP, GRE-in-UDP (RFC 8086) a GRE header;
   * any other datagram (or one too short to tell) is {@link #NOT_A_TUNNEL}. As tshark does, the
   * lower port is tried first; the higher port only when the lower one is not a well-known port (a
   * DNS query from port 4789 is DNS, not VXLAN).
   *
   * @param end end of the captured bytes of the UDP datagram
   */
  static int udp(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 8) {
      return NOT_A_TUNNEL;
    }
    int low = Math.min(u16(data, offset), u16(data, offset + 2));
    int high = Math.max(u16(data, offset), u16(data, offset + 2));
    int port = isTunnelPort(low) || low < 1024 ? low : high;
    int payload = offset + 8;
    switch (port) {
      case VXLAN_PORT:
        // 8-byte header; the I flag says the VNI is valid, which a decoder need not insist on.
        return LinkLayer.ethernet(data, payload + 8, end, out);
      case GENEVE_PORT:
        return geneve(data, payload, end, out);
      case GTP_U_PORT:
        return gtpUser(data, payload, end);
      case GRE_IN_UDP_PORT:
        return gre(data, payload, end, out);
      default:
        return NOT_A_TUNNEL;
    }
  }

  private static boolean isTunnelPort(int port) {
    return port == VXLAN_PORT || port == GENEVE_PORT || port == GTP_U_PORT
        || port == GRE_IN_UDP_PORT;
  }

  /**
   * GTP-U (3GPP TS 29.281): version 1 with the protocol-type bit, message G-PDU; 8 bytes, 4 more when
   * any of the E, S, PN flags is set, then the chain of extension headers when E is set.
   */
  private static int gtpUser(byte[] data, int offset, int end) {
    if (end - offset < 8) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    int flags = u8(data, offset);
    if ((flags & 0xf0) != 0x30 || u8(data, offset + 1) != GTP_G_PDU) {
      return NOT_A_TUNNEL; // echo and other signalling: an ordinary datagram
    }
    int at = offset + 8;
    if ((flags & 0x07) != 0) {
      if (end - at < 4) {
        return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
      }
      int nextType = u8(data, at + 3);
      at += 4;
      for (int headers = 0; (flags & 0x04) != 0 && nextType != 0; headers++) {
        if (headers == 8 || end - at < 1 || u8(data, at) == 0 || end - at < u8(data, at) * 4) {
          return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
        }
        int length = u8(data, at) * 4;
        nextType = u8(data, at + length - 1);
        at += length;
      }
    }
    return at;
  }

  /** Geneve (RFC 8926): 8 bytes plus options, then an ethertype-named payload. */
  private static int geneve(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 8) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_TUNNEL_HEADER);
    }
    int options = (u8(data, offset) & 0x3f) * 4;
    int protocol = u16(data, offset + 2);
    int payload = offset + 8 + options;
    if (protocol == GRE_TRANSPARENT_ETHERNET) {
      return LinkLayer.ethernet(data, payload, end, out);
    }
    return LinkLayer.etherType(protocol, data, payload, end, out);
  }
}
