package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.i32;
import static io.portflow.analyze.decode.Bytes.u16;
import static io.portflow.analyze.decode.Bytes.u8;

import io.portflow.analyze.LinkTypes;

/**
 * Finds the IP header behind a link-layer header. Every method returns the offset of the IP header
 * in the frame buffer, or a negative skip code ({@link PacketDecoder#skip}).
 */
final class LinkLayer {
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_ARP = 0x0806;
  private static final int ETHERTYPE_RARP = 0x8035;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_IPV6 = 0x86dd;
  private static final int ETHERTYPE_MPLS_UNICAST = 0x8847;
  private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
  private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
  private static final int ETHERTYPE_QINQ = 0x88a8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;
  /** IEEE 802.1BR E-tag: 6 bytes, then the next ethertype. */
  private static final int ETHERTYPE_ETAG = 0x893f;
  /** Cisco VN-Tag: 4 bytes, then the next ethertype. */
  private static final int ETHERTYPE_VNTAG = 0x8926;
  /** IEEE 802.1ah backbone I-tag: 4 bytes, then the customer's Ethernet header. */
  private static final int ETHERTYPE_PBB = 0x88e7;
  /** Cisco FabricPath: 2 bytes (FTag, TTL), then the inner Ethernet header. */
  private static final int ETHERTYPE_FABRICPATH = 0x8903;
  /** Largest 802.3 length field; values from 0x0600 up are ethertypes. */
  private static final int MAX_8023_LENGTH = 0x05dc;
  /** VLAN, E-tag, VN-Tag, PBB and FabricPath headers followed before giving up. */
  private static final int MAX_TAGS = 8;
  private static final int MAX_MPLS_LABELS = 16;

  private static final int PPP_IPV4 = 0x0021;
  private static final int PPP_IPV6 = 0x0057;
  private static final int PPP_MPLS_UNICAST = 0x0281;
  private static final int CHDLC_UNICAST = 0x0f;
  private static final int CHDLC_MULTICAST = 0x8f;

  private static final int ARPHRD_NETLINK = 824;
  private static final int NFLOG_TLV_PAYLOAD = 9;
  private static final int IPOIB_HEADER = 44;
  private static final int BSD_AF_INET = 2;
  private static final int BSD_AF_INET6_BSD = 24;
  private static final int BSD_AF_INET6_FREEBSD = 28;
  private static final int BSD_AF_INET6_DARWIN = 30;

  private LinkLayer() {}

  static int ipOffset(int linkType, byte[] data, int offset, int end, Segment out) {
    switch (linkType) {
      case LinkTypes.ETHERNET:
        return ethernet(data, offset, end, out);
      case LinkTypes.LINUX_SLL:
        return linuxSll(data, offset, end, out);
      case LinkTypes.LINUX_SLL2:
        return linuxSll2(data, offset, end, out);
      case LinkTypes.RAW:
      case LinkTypes.RAW_12:
      case LinkTypes.RAW_14:
      case LinkTypes.IPV4:
      case LinkTypes.IPV6:
        return offset;
      case LinkTypes.NULL:
      case LinkTypes.LOOP:
        return loopback(data, offset, end);
      case LinkTypes.PPP:
        return ppp(data, offset, end, out);
      case LinkTypes.C_HDLC:
        return ciscoHdlc(data, offset, end, out);
      case LinkTypes.FDDI:
        // Frame control and two 6-byte addresses, then LLC.
        return end - offset < 13 ? truncated() : llcSnap(data, offset + 13, end, out);
      case LinkTypes.NFLOG:
        return nflog(data, offset, end);
      case LinkTypes.IPOIB:
        // 40 bytes of InfiniBand addresses, then an ethertype and 2 reserved bytes.
        return end - offset < IPOIB_HEADER
            ? truncated() : etherType(u16(data, offset + 40), data, offset + IPOIB_HEADER, end, out);
      default:
        return PacketDecoder.skip(SkipReason.UNKNOWN_LINK_TYPE);
    }
  }

  /** An Ethernet II or 802.3 frame starting at {@code offset}. */
  static int ethernet(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 14) {
      return truncated();
    }
    int type = u16(data, offset + 12);
    if (type <= MAX_8023_LENGTH) {
      return llcSnap(data, offset + 14, end, out);
    }
    return etherType(type, data, offset + 14, end, out);
  }

  /** 802.2 LLC: only SNAP with an ethertype (aa aa 03 00 00 00 tt tt) can carry IP. */
  private static int llcSnap(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 8) {
      return truncated();
    }
    boolean snap = u16(data, offset) == 0xaaaa && u8(data, offset + 2) == 0x03
        && (i32(data, offset + 2) & 0x00ffffff) == 0;
    if (!snap) {
      return PacketDecoder.skip(SkipReason.NON_IP);
    }
    return etherType(u16(data, offset + 6), data, offset + 8, end, out);
  }

  /** Dispatches on an ethertype whose payload starts at {@code offset}, unwrapping VLAN tags. */
  static int etherType(int type, byte[] data, int offset, int end, Segment out) {
    for (int tags = 0; tags < MAX_TAGS; tags++) {
      switch (type) {
        case ETHERTYPE_IPV4:
        case ETHERTYPE_IPV6:
          return offset;
        case ETHERTYPE_VLAN:
        case ETHERTYPE_QINQ:
        case ETHERTYPE_QINQ_OLD:
          if (end - offset < 4) {
            return truncated();
          }
          out.addVlan(u16(data, offset) & 0x0fff);
          type = u16(data, offset + 2);
          offset += 4;
          break;
        case ETHERTYPE_ETAG:
          if (end - offset < 8) {
            return truncated();
          }
          type = u16(data, offset + 6);
          offset += 8;
          break;
        case ETHERTYPE_VNTAG:
          if (end - offset < 6) {
            return truncated();
          }
          type = u16(data, offset + 4);
          offset += 6;
          break;
        case ETHERTYPE_PBB:
          if (end - offset < 18) {
            return truncated();
          }
          type = u16(data, offset + 16);
          offset += 18;
          break;
        case ETHERTYPE_FABRICPATH:
          if (end - offset < 16) {
            return truncated();
          }
          type = u16(data, offset + 14);
          offset += 16;
          break;
        case ETHERTYPE_MPLS_UNICAST:
        case ETHERTYPE_MPLS_MULTICAST:
          return mpls(data, offset, end);
        case ETHERTYPE_PPPOE_SESSION:
          return pppoeSession(data, offset, end);
        case ETHERTYPE_ARP:
        case ETHERTYPE_RARP:
          return PacketDecoder.skip(SkipReason.ARP);
        default:
          return PacketDecoder.skip(SkipReason.NON_IP);
      }
    }
    return PacketDecoder.skip(SkipReason.NON_IP);
  }

  /** An MPLS label stack; IP follows the bottom label when its first nibble says 4 or 6. */
  private static int mpls(byte[] data, int offset, int end) {
    for (int labels = 0; labels < MAX_MPLS_LABELS; labels++) {
      if (end - offset < 4) {
        return truncated();
      }
      boolean bottomOfStack = (data[offset + 2] & 0x01) != 0;
      offset += 4;
      if (bottomOfStack) {
        if (offset >= end) {
          return truncated();
        }
        int version = u8(data, offset) >>> 4;
        return version == 4 || version == 6 ? offset : PacketDecoder.skip(SkipReason.NON_IP);
      }
    }
    return PacketDecoder.skip(SkipReason.NON_IP);
  }

  /** RFC 2516 session stage: 6-byte PPPoE header, then a 2-byte PPP protocol. */
  private static int pppoeSession(byte[] data, int offset, int end) {
    if (end - offset < 8) {
      return truncated();
    }
    return pppProtocol(u16(data, offset + 6), data, offset + 8, end);
  }

  private static int linuxSll(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 16) {
      return truncated();
    }
    return cookedProtocol(u16(data, offset + 2), u16(data, offset + 14), data, offset + 16, end, out);
  }

  private static int linuxSll2(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 20) {
      return truncated();
    }
    return cookedProtocol(u16(data, offset + 8), u16(data, offset), data, offset + 20, end, out);
  }

  /** SLL protocol values below 0x0600 name 802.2/802.3/CAN payloads; netlink carries no IP. */
  private static int cookedProtocol(
      int hardwareType, int protocol, byte[] data, int offset, int end, Segment out) {
    if (hardwareType == ARPHRD_NETLINK || protocol <= MAX_8023_LENGTH) {
      return PacketDecoder.skip(SkipReason.NON_IP);
    }
    return etherType(protocol, data, offset, end, out);
  }

  /**
   * DLT_NULL writes the address family in the capturing host's byte order and DLT_LOOP in network
   * order, but files from the other kind of host exist for both: the family is small, so whichever
   * reading fits in 16 bits is the right one.
   */
  private static int loopback(byte[] data, int offset, int end) {
    if (end - offset < 4) {
      return truncated();
    }
    int family = i32(data, offset);
    if ((family & 0xffff0000) != 0) {
      family = Integer.reverseBytes(family);
    }
    switch (family) {
      case BSD_AF_INET:
      case BSD_AF_INET6_BSD:
      case BSD_AF_INET6_FREEBSD:
      case BSD_AF_INET6_DARWIN:
        return offset + 4;
      default:
        return PacketDecoder.skip(SkipReason.NON_IP);
    }
  }

  /**
   * PPP with or without the HDLC-like address and control bytes (ff 03), with 1- or 2-byte
   * protocol fields. Some routers write Cisco HDLC frames under this link type; their first byte
   * (0x0f or 0x8f) tells them apart.
   */
  static int ppp(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 2) {
      return truncated();
    }
    int first = u8(data, offset);
    if (first == CHDLC_UNICAST || first == CHDLC_MULTICAST) {
      return ciscoHdlc(data, offset, end, out);
    }
    if (first == 0xff && u8(data, offset + 1) == 0x03) {
      offset += 2;
    }
    if (end - offset < 1) {
      return truncated();
    }
    // A protocol field with an odd first byte was compressed to one byte (RFC 1661 section 6.5).
    if ((data[offset] & 0x01) != 0) {
      return pppProtocol(u8(data, offset), data, offset + 1, end);
    }
    if (end - offset < 2) {
      return truncated();
    }
    return pppProtocol(u16(data, offset), data, offset + 2, end);
  }

  private static int pppProtocol(int protocol, byte[] data, int offset, int end) {
    switch (protocol) {
      case PPP_IPV4:
      case PPP_IPV6:
        return offset;
      case PPP_MPLS_UNICAST:
        return mpls(data, offset, end);
      default:
        return PacketDecoder.skip(SkipReason.NON_IP);
    }
  }

  /** Cisco HDLC: address, control, then an ethertype; 0x8035 is SLARP here, not RARP. */
  private static int ciscoHdlc(byte[] data, int offset, int end, Segment out) {
    if (end - offset < 4) {
      return truncated();
    }
    int type = u16(data, offset + 2);
    if (type == ETHERTYPE_RARP) {
      return PacketDecoder.skip(SkipReason.NON_IP);
    }
    return etherType(type, data, offset + 4, end, out);
  }

  /**
   * Linux NFLOG: a 4-byte header (address family, version, resource id), then TLVs whose length
   * and type are in the capturing host's byte order; the packet is the payload TLV (type 9).
   */
  private static int nflog(byte[] data, int offset, int end) {
    if (end - offset < 4) {
      return truncated();
    }
    int at = offset + 4;
    while (end - at >= 4) {
      int length = Short.toUnsignedInt(Short.reverseBytes((short) u16(data, at)));
      int type = Short.toUnsignedInt(Short.reverseBytes((short) u16(data, at + 2)));
      if (length < 4 || length > end - at) {
        length = u16(data, at);
        type = u16(data, at + 2);
      }
      if (length < 4 || length > end - at) {
        return truncated();
      }
      // The top bit of the type marks nested attributes; the payload is never nested.
      if ((type & 0x7fff) == NFLOG_TLV_PAYLOAD) {
        return at + 4;
      }
      at += (length + 3) & ~3;
    }
    return PacketDecoder.skip(SkipReason.NON_IP);
  }

  private static int truncated() {
    return PacketDecoder.skip(SkipReason.TRUNCATED_LINK_HEADER);
  }
}
