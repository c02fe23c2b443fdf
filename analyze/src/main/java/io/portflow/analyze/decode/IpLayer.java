package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.i32;
import static io.portflow.analyze.decode.Bytes.i64;
import static io.portflow.analyze.decode.Bytes.u16;
import static io.portflow.analyze.decode.Bytes.u8;

/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) down to the TCP or UDP header: options and extension headers are
 * skipped, tunnels (IP-in-IP, 6in4, GRE, VXLAN, Geneve, GTP-U) are unwrapped (the inner connection
 * is the flow, as tshark and Zeek count it), fragments go through the {@link FragmentTable}. An
 * unfinished IPv4 source route names the final destination, which is the flow's destination (as
 * tshark takes it).
 *
 * <p>Lengths follow tshark: the IP payload ends at the smaller of the IP length fields and the
 * frame's original length (a length of 0 means TCP segmentation offload: the frame decides), so
 * Ethernet padding is not payload and a snaplen cut does not shrink it.
 *
 * <p>Every method takes the bytes as (data, offset, capturedEnd, ipEnd): capturedEnd bounds what
 * may be read, ipEnd what the length fields say (it may lie beyond the captured bytes).
 */
final class IpLayer {
  private static final int PROTO_HOP_BY_HOP = 0;
  private static final int PROTO_ICMP = 1;
  private static final int PROTO_IPIP = 4;
  private static final int PROTO_TCP = 6;
  private static final int PROTO_UDP = 17;
  private static final int PROTO_IPV6 = 41;
  private static final int PROTO_ROUTING = 43;
  private static final int PROTO_FRAGMENT = 44;
  private static final int PROTO_GRE = 47;
  private static final int PROTO_AH = 51;
  private static final int PROTO_ICMPV6 = 58;
  private static final int PROTO_DEST_OPTIONS = 60;
  private static final int PROTO_MOBILITY = 135;
  private static final int PROTO_HIP = 139;
  private static final int PROTO_SHIM6 = 140;
  private static final int PROTO_EXPERIMENT_1 = 253;
  private static final int PROTO_EXPERIMENT_2 = 254;

  private static final int IPV4_OPTION_END = 0;
  private static final int IPV4_OPTION_NOP = 1;
  private static final int IPV4_OPTION_LSRR = 131;
  private static final int IPV4_OPTION_SSRR = 137;
  private static final int IPV4_MORE_FRAGMENTS = 0x2000;
  private static final int IPV4_OFFSET_MASK = 0x1fff;
  private static final int MAX_TUNNEL_DEPTH = 4;
  private static final int MAX_EXTENSION_HEADERS = 16;

  private final FragmentTable fragments;
  /** Where the frame being decoded goes. */
  private Segment out;
  /** Capture time of the frame being decoded, for the fragment table's timeout. */
  private long now;

  IpLayer(FragmentTable fragments, Segment out) {
    this.fragments = fragments;
    this.out = out;
  }

  /**
   * Decodes the IP header at {@code offset} by its version nibble.
   *
   * @param reportedEnd end of the frame by its original length
   * @return {@link PacketDecoder#OK} with the segment filled, or a skip code
   */
  int decode(Segment into, byte[] data, int offset, int capturedEnd, int reportedEnd, long nowNanos) {
    out = into;
    now = nowNanos;
    return ip(data, offset, capturedEnd, reportedEnd, 0);
  }

  private int ip(byte[] data, int offset, int capturedEnd, int reportedEnd, int depth) {
    if (capturedEnd - offset < 1) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_IPV4_HEADER);
    }
    int version = u8(data, offset) >>> 4;
    if (version == 4) {
      return ipv4(data, offset, capturedEnd, reportedEnd, depth);
    }
    if (version == 6) {
      return ipv6(data, offset, capturedEnd, reportedEnd, depth);
    }
    return PacketDecoder.skip(SkipReason.BAD_IP_VERSION);
  }

  private int ipv4(byte[] data, int offset, int capturedEnd, int reportedEnd, int depth) {
    if (capturedEnd - offset < 20) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_IPV4_HEADER);
    }
    int headerLength = (u8(data, offset) & 0x0f) * 4;
    if (headerLength < 20) {
      return PacketDecoder.skip(SkipReason.BAD_IPV4_HEADER_LENGTH);
    }
    if (capturedEnd - offset < headerLength) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_IPV4_HEADER);
    }
    int reported = reportedEnd - offset;
    int totalLength = u16(data, offset + 2);
    int length = totalLength == 0 ? reported : Math.min(totalLength, reported);
    if (length < headerLength) {
      return PacketDecoder.skip(SkipReason.BAD_IPV4_TOTAL_LENGTH);
    }
    int destination = i32(data, offset + 16);
    if (headerLength > 20) {
      destination = routeDestination(data, offset + 20, offset + headerLength, destination, out);
    }
    out.setIpv4(i32(data, offset + 12), destination);
    int protocol = u8(data, offset + 9);
    int payload = offset + headerLength;
    int ipEnd = offset + length;
    int payloadCapturedEnd = Math.min(capturedEnd, ipEnd);
    int fragment = u16(data, offset + 6);
    if ((fragment & (IPV4_MORE_FRAGMENTS | IPV4_OFFSET_MASK)) != 0) {
      boolean more = (fragment & IPV4_MORE_FRAGMENTS) != 0;
      return reassemble(SkipReason.IPV4_FRAGMENT, u16(data, offset + 4), protocol,
          (fragment & IPV4_OFFSET_MASK) * 8, more, data, payload, payloadCapturedEnd, ipEnd, depth);
    }
    return transport(protocol, data, payload, payloadCapturedEnd, ipEnd, depth);
  }

  private int ipv6(byte[] data, int offset, int capturedEnd, int reportedEnd, int depth) {
    if (capturedEnd - offset < 40) {
      return PacketDecoder.skip(SkipReason.TRUNCATED_IPV6_HEADER);
    }
    int payloadLength = u16(data, offset + 4);
    // A payload length of 0 is a jumbogram or segmentation offload: the frame decides.
    int ipEnd = payloadLength == 0
        ? reportedEnd
        : Math.min(offset + 40 + payloadLength, reportedEnd);
    out.setIpv6(i64(data, offset + 8), i64(data, offset + 16),
        i64(data, offset + 24), i64(data, offset + 32));
    int payloadCapturedEnd = Math.min(capturedEnd, ipEnd);
    int next = u8(data, offset + 6);
    int at = offset + 40;
    for (int headers = 0; headers <= MAX_EXTENSION_HEADERS; headers++) {
      if (next == PROTO_FRAGMENT) {
        if (payloadCapturedEnd - at < 8 || ipEnd - at < 8) {
          return PacketDecoder.skip(SkipReason.BAD_IPV6_EXTENSION_HEADER);
        }
        int field = u16(data, at + 2);
        int fragmentOffset = field & 0xfff8;
        boolean more = (field & 0x0001) != 0;
        next = u8(data, at);
        if (fragmentOffset != 0 || more) {
          return reassemble(SkipReason.IPV6_FRAGMENT, i32(data, at + 4), next, fragmentOffset,
              more, data, at + 8, payloadCapturedEnd, ipEnd, depth);
        }
        at += 8; // an atomic fragment (RFC 6946) is the whole datagram
      } else if (isExtensionHeader(next)) {
        if (payloadCapturedEnd - at < 2) {
          return PacketDecoder.skip(SkipReason.BAD_IPV6_EXTENSION_HEADER);
        }
        // AH counts 4-byte units minus 2 (RFC 4302), the others 8-byte units minus 1.
        int length = next == PROTO_AH ? (u8(data, at + 1) + 2) * 4 : (u8(data, at + 1) + 1) * 8;
        if (ipEnd - at < length) {
          return PacketDecoder.skip(SkipReason.BAD_IPV6_EXTENSION_HEADER);
        }
        next = u8(data, at);
        at += length;
      } else {
        return transport(next, data, at, payloadCapturedEnd, ipEnd, depth);
      }
    }
    return PacketDecoder.skip(SkipReason.BAD_IPV6_EXTENSION_HEADER);
  }

  private static boolean isExtensionHeader(int protocol) {
    switch (protocol) {
      case PROTO_HOP_BY_HOP:
      case PROTO_ROUTING:
      case PROTO_DEST_OPTIONS:
      case PROTO_MOBILITY:
      case PROTO_HIP:
      case PROTO_SHIM6:
      case PROTO_EXPERIMENT_1:
      case PROTO_EXPERIMENT_2:
      case PROTO_AH:
        return true;
      default:
        return false;
    }
  }

  private int transport(
      int protocol, byte[] data, int offset, int capturedEnd, int ipEnd, int depth) {
    switch (protocol) {
      case PROTO_TCP:
        return TcpHeader.decode(data, offset, capturedEnd, ipEnd, out);
      case PROTO_IPIP:
      case PROTO_IPV6:
        return tunnel(offset, data, capturedEnd, ipEnd, depth);
      case PROTO_GRE:
        return tunnel(Tunnels.gre(data, offset, capturedEnd, out), data, capturedEnd, ipEnd, depth);
      case PROTO_UDP:
        int inner = Tunnels.udp(data, offset, capturedEnd, out);
        return inner == Tunnels.NOT_A_TUNNEL
            ? UdpHeader.decode(data, offset, capturedEnd, ipEnd, out)
            : tunnel(inner, data, capturedEnd, ipEnd, depth);
      case PROTO_AH:
        return authenticationHeader(data, offset, capturedEnd, ipEnd, depth);
      case PROTO_ICMP:
        return PacketDecoder.skip(SkipReason.ICMP);
      case PROTO_ICMPV6:
        return PacketDecoder.skip(SkipReason.ICMPV6);
      default:
        return PacketDecoder.skip(SkipReason.OTHER_IP_PROTOCOL);
    }
  }

  /** IPv4's AH (RFC 4302): its length counts 4-byte units minus 2; the next header follows it. */
  private int authenticationHeader(byte[] data, int offset, int capturedEnd, int ipEnd, int depth) {
    if (capturedEnd - offset < 2) {
      return PacketDecoder.skip(SkipReason.OTHER_IP_PROTOCOL);
    }
    int next = u8(data, offset);
    int length = (u8(data, offset + 1) + 2) * 4;
    if (ipEnd - offset < length || next == PROTO_AH) {
      return PacketDecoder.skip(SkipReason.OTHER_IP_PROTOCOL);
    }
    return transport(next, data, offset + length, capturedEnd, ipEnd, depth);
  }

  /** Decodes the inner IP header a tunnel led to, or passes on the tunnel's skip code. */
  private int tunnel(int inner, byte[] data, int capturedEnd, int ipEnd, int depth) {
    if (inner < 0) {
      return inner;
    }
    if (depth + 1 == MAX_TUNNEL_DEPTH) {
      return PacketDecoder.skip(SkipReason.TUNNEL_TOO_DEEP);
    }
    return ip(data, inner, capturedEnd, ipEnd, depth + 1);
  }

  /**
   * The destination of a datagram with a loose or strict source route whose pointer says hops
   * remain: the last address of the route. Malformed options leave {@code destination} as it is
   * and are marked on {@code out}.
   */
  private static int routeDestination(byte[] data, int at, int end, int destination, Segment out) {
    while (at < end) {
      int type = u8(data, at);
      if (type == IPV4_OPTION_END) {
        break;
      }
      if (type == IPV4_OPTION_NOP) {
        at++;
        continue;
      }
      if (end - at < 2) {
        out.markMalformed(Malformation.BAD_IPV4_OPTION_LENGTH);
        break;
      }
      int length = u8(data, at + 1);
      if (length < 2 || length > end - at) {
        out.markMalformed(Malformation.BAD_IPV4_OPTION_LENGTH);
        break;
      }
      if ((type == IPV4_OPTION_LSRR || type == IPV4_OPTION_SSRR) && length >= 7) {
        int pointer = u8(data, at + 2);
        int hops = (length - 3) / 4;
        return pointer <= length ? i32(data, at + 3 + 4 * (hops - 1)) : destination;
      }
      at += length;
    }
    return destination;
  }

  /**
   * Feeds a fragment to the table. The frame that completes the datagram decodes what the datagram
   * carries, from the table's copy of its first bytes; every other fragment is skipped for
   * {@code reason}.
   */
  private int reassemble(SkipReason reason, int id, int protocol, int fragmentOffset, boolean more,
      byte[] data, int payload, int capturedEnd, int ipEnd, int depth) {
    int length = ipEnd - payload;
    int captured = Math.max(0, capturedEnd - payload);
    Datagram datagram = fragments.offer(
        out, id, protocol, fragmentOffset, length, more, data, payload, captured, now);
    if (datagram == null) {
      return PacketDecoder.skip(reason);
    }
    byte[] prefix = datagram.prefix();
    int result =
        transport(protocol, prefix, 0, datagram.prefixLength(), datagram.totalLength(), depth);
    if (result == PacketDecoder.OK) {
      // Only the headers were copied out of the fragments, but every fragment was there.
      out.markPayloadCaptured();
    }
    return result;
  }
}
