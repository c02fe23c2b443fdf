package io.portflow.analyze.testing;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Builds test frames byte by byte: TCP headers, IPv4 / IPv6 packets, link-layer wrappers. Checksums
 * are left zero (the analyzer does not verify them, as tshark does not by default).
 */
public final class Frames {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  private Frames() {}

  /** Bytes from hex digits; spaces, newlines and '|' separators are ignored. */
  public static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits.replaceAll("[\\s|]", ""));
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A TCP header of {@code headerLength} bytes (options are NOPs) followed by zero payload bytes. */
  public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, int headerLength,
      int payloadLength) {
    byte[] b = new byte[headerLength + payloadLength];
    put16(b, 0, srcPort);
    put16(b, 2, dstPort);
    put32(b, 4, seq);
    put32(b, 8, ack);
    b[12] = (byte) ((headerLength / 4) << 4);
    b[13] = (byte) flags;
    put16(b, 14, 0xffff);
    for (int i = 20; i < headerLength; i++) {
      b[i] = 0x01;
    }
    return b;
  }

  /**
   * A TCP header carrying {@code options} (hex digits, padded with end-of-options to a multiple of
   * 4 bytes) and no payload.
   */
  public static byte[] tcpWithOptions(int srcPort, int dstPort, long seq, long ack, int flags,
      String options) {
    byte[] bytes = hex(options);
    int headerLength = 20 + (bytes.length + 3) / 4 * 4;
    byte[] header = tcp(srcPort, dstPort, seq, ack, flags, headerLength, 0);
    java.util.Arrays.fill(header, 20, headerLength, (byte) 0);
    System.arraycopy(bytes, 0, header, 20, bytes.length);
    return header;
  }

  public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, int payloadLength) {
    return tcp(srcPort, dstPort, seq, ack, flags, 20, payloadLength);
  }

  /** An IPv4 packet; the total length is the real length. */
  public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
    return ipv4().src(src).dst(dst).protocol(protocol).build(payload);
  }

  public static Ipv4 ipv4() {
    return new Ipv4();
  }

  /** An IPv6 packet with no extension headers. */
  public static byte[] ipv6(String src, String dst, int nextHeader, byte[] payload) {
    byte[] b = new byte[40 + payload.length];
    b[0] = 0x60;
    put16(b, 4, payload.length);
    b[6] = (byte) nextHeader;
    b[7] = 64;
    System.arraycopy(address(src), 0, b, 8, 16);
    System.arraycopy(address(dst), 0, b, 24, 16);
    System.arraycopy(payload, 0, b, 40, payload.length);
    return b;
  }

  /** A generic IPv6 extension header (hop-by-hop, routing, destination options) of 8 * units bytes. */
  public static byte[] ipv6Extension(int nextHeader, int units) {
    byte[] b = new byte[8 * units];
    b[0] = (byte) nextHeader;
    b[1] = (byte) (units - 1);
    return b;
  }

  /** An IPv6 fragment header. */
  public static byte[] ipv6Fragment(int nextHeader, int offset, boolean more, int id) {
    byte[] b = new byte[8];
    b[0] = (byte) nextHeader;
    put16(b, 2, offset | (more ? 1 : 0));
    put32(b, 4, id);
    return b;
  }

  /** A TCP segment in an IPv4 or IPv6 packet (by the address form), as a raw-IP frame. */
  public static byte[] segment(String src, int srcPort, String dst, int dstPort, int flags, long seq,
      long ack, int payloadLength) {
    byte[] tcp = tcp(srcPort, dstPort, seq, ack, flags, payloadLength);
    return src.contains(":") ? ipv6(src, dst, 6, tcp) : ipv4(src, dst, 6, tcp);
  }

  /** A UDP datagram in an IPv4 or IPv6 packet (by the address form), as a raw-IP frame. */
  public static byte[] datagram(String src, int srcPort, String dst, int dstPort, int payloadLength) {
    byte[] udp = concat(u16(srcPort), u16(dstPort), u16(8 + payloadLength), u16(0),
        new byte[payloadLength]);
    return src.contains(":") ? ipv6(src, dst, 17, udp) : ipv4(src, dst, 17, udp);
  }

  public static byte[] ethernet(int etherType, byte[] payload) {
    byte[] header = hex("00 11 22 33 44 55 66 77 88 99 aa bb");
    return concat(header, u16(etherType), payload);
  }

  /** A 4-byte VLAN tag (tag protocol identifier, then the VLAN id), to put after the MAC addresses. */
  public static byte[] tag(int tpid, int vlanId) {
    return concat(u16(tpid), u16(vlanId & 0x0fff));
  }

  /** Ethernet with VLAN tags: each tag is (TPID, id); {@code etherType} follows the last tag. */
  public static byte[] ethernetTagged(int etherType, byte[] payload, int... tpidAndIds) {
    byte[] frame = hex("00 11 22 33 44 55 66 77 88 99 aa bb");
    for (int i = 0; i < tpidAndIds.length; i += 2) {
      frame = concat(frame, tag(tpidAndIds[i], tpidAndIds[i + 1]));
    }
    return concat(frame, u16(etherType), payload);
  }

  public static byte[] u16(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  public static byte[] u32(long value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  public static byte[] address(String text) {
    try {
      byte[] raw = InetAddress.getByName(text).getAddress();
      if (text.contains(":") && raw.length == 4) {
        // Java turns ::ffff:a.b.c.d into an IPv4 address; keep the 16-byte form.
        return concat(new byte[10], new byte[] {(byte) 0xff, (byte) 0xff}, raw);
      }
      return raw;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + text, e);
    }
  }

  static void put16(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }

  static void put32(byte[] b, int at, long value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  /** IPv4 header builder: options, fragment fields, a lying total length. */
  public static final class Ipv4 {
    private String src = "10.0.0.1";
    private String dst = "10.0.0.2";
    private int protocol = 6;
    private byte[] options = new byte[0];
    private int id = 1;
    private int fragmentOffset;
    private boolean moreFragments;
    private Integer totalLength;
    private Integer headerLengthField;

    public Ipv4 src(String address) {
      src = address;
      return this;
    }

    public Ipv4 dst(String address) {
      dst = address;
      return this;
    }

    public Ipv4 protocol(int value) {
      protocol = value;
      return this;
    }

    /** Option bytes, padded with end-of-options to a multiple of 4. */
    public Ipv4 options(byte[] bytes) {
      options = bytes.length % 4 == 0 ? bytes : concat(bytes, new byte[4 - bytes.length % 4]);
      return this;
    }

    public Ipv4 id(int value) {
      id = value;
      return this;
    }

    /** Fragment offset in bytes (a multiple of 8) and the more-fragments flag. */
    public Ipv4 fragment(int offsetBytes, boolean more) {
      fragmentOffset = offsetBytes;
      moreFragments = more;
      return this;
    }

    public Ipv4 totalLength(int value) {
      totalLength = value;
      return this;
    }

    /** Overrides the IHL nibble (in 4-byte words). */
    public Ipv4 ihl(int words) {
      headerLengthField = words;
      return this;
    }

    public byte[] build(byte[] payload) {
      int headerLength = 20 + options.length;
      byte[] b = new byte[headerLength + payload.length];
      int ihl = headerLengthField != null ? headerLengthField : headerLength / 4;
      b[0] = (byte) (0x40 | ihl);
      put16(b, 2, totalLength != null ? totalLength : b.length);
      put16(b, 4, id);
      put16(b, 6, (moreFragments ? 0x2000 : 0) | (fragmentOffset / 8));
      b[8] = 64;
      b[9] = (byte) protocol;
      System.arraycopy(address(src), 0, b, 12, 4);
      System.arraycopy(address(dst), 0, b, 16, 4);
      System.arraycopy(options, 0, b, 20, options.length);
      System.arraycopy(payload, 0, b, headerLength, payload.length);
      return b;
    }
  }
}
