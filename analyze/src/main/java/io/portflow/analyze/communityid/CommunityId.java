package io.portflow.analyze.communityid;

import java.nio.charset.StandardCharsets;

/**
 * Community ID v1: {@code "1:" + base64(SHA-1(seed, addresses, protocol, 0, ports))}, with the
 * smaller (address, port) end first so both directions of a flow hash alike.
 *
 * <p>Immutable, so one instance serves every thread. Computing an ID allocates its result string
 * and one 64-byte array, which holds the hash input, then the digest, then the ID's text.
 */
public final class CommunityId {
  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int ICMPV6 = 58;
  public static final int SCTP = 132;

  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);
  /** Where the digest goes in the scratch block: after the longest text, "1:" and 28 characters. */
  private static final int DIGEST_AT = Sha1Block.BYTES - Sha1Block.DIGEST_BYTES;

  private final int seed;

  /** Seed 0, the default every tool uses unless configured otherwise. */
  public CommunityId() {
    this(0);
  }

  public CommunityId(int seed) {
    if (seed < 0 || seed > 0xffff) {
      throw new IllegalArgumentException("seed: " + seed + " (expected: 0 ~ 65535)");
    }
    this.seed = seed;
  }

  /**
   * A flow with ports (TCP, UDP, SCTP), addresses held as the flow table holds them: IPv4 in the
   * low 32 bits of {@code lo}, IPv6 as two big-endian halves. No address is copied to an array.
   *
   * @param protocol IP protocol number, e.g. {@link #TCP}
   * @param ipVersion 4 or 6
   */
  public String of(int protocol, int ipVersion, long srcHi, long srcLo, int srcPort, long dstHi,
      long dstLo, int dstPort) {
    checkFields(protocol, srcPort, dstPort);
    int cmp;
    if (ipVersion == 4) {
      cmp = Integer.compareUnsigned((int) srcLo, (int) dstLo);
    } else if (ipVersion == 6) {
      cmp = srcHi != dstHi ? Long.compareUnsigned(srcHi, dstHi) : Long.compareUnsigned(srcLo, dstLo);
    } else {
      throw new IllegalArgumentException("IP version: " + ipVersion + " (expected: 4 or 6)");
    }
    boolean swap = cmp > 0 || (cmp == 0 && srcPort > dstPort);
    byte[] block = new byte[Sha1Block.BYTES];
    int n = putSeed(block);
    n = putAddress(block, n, ipVersion, swap ? dstHi : srcHi, swap ? dstLo : srcLo);
    n = putAddress(block, n, ipVersion, swap ? srcHi : dstHi, swap ? srcLo : dstLo);
    n = putProtocol(block, n, protocol);
    n = putPorts(block, n, swap ? dstPort : srcPort, swap ? srcPort : dstPort);
    return text(block, n);
  }

  /**
   * A flow with ports (TCP, UDP, SCTP), addresses as 4 or 16 bytes in network order.
   *
   * @param protocol IP protocol number, e.g. {@link #TCP}
   */
  public String of(int protocol, byte[] srcAddr, int srcPort, byte[] dstAddr, int dstPort) {
    checkLengths(srcAddr.length, dstAddr.length);
    return hash(protocol, srcAddr, 0, dstAddr, 0, srcAddr.length, srcPort, dstPort, true, false);
  }

  /**
   * The same, with both addresses read in place from a frame buffer (no copy on the hot path).
   *
   * @param addrLength 4 for IPv4, 16 for IPv6
   */
  public String of(
      int protocol,
      byte[] frame,
      int srcOffset,
      int dstOffset,
      int addrLength,
      int srcPort,
      int dstPort) {
    checkLengths(addrLength, addrLength);
    return hash(protocol, frame, srcOffset, frame, dstOffset, addrLength, srcPort, dstPort, true,
        false);
  }

  /** A protocol without ports (GRE, ESP, RSVP, ...): only addresses and protocol are hashed. */
  public String of(int protocol, byte[] srcAddr, byte[] dstAddr) {
    checkLengths(srcAddr.length, dstAddr.length);
    return hash(protocol, srcAddr, 0, dstAddr, 0, srcAddr.length, 0, 0, false, false);
  }

  /**
   * ICMP (IPv4 addresses) or ICMPv6 (IPv6 addresses). The type stands in for the source port and
   * the type of the matching reply (echo request/reply and the like) for the destination port, so
   * request and reply share an ID; a message without a counterpart hashes its code instead and
   * keeps the direction it was seen in.
   */
  public String icmp(byte[] srcAddr, byte[] dstAddr, int type, int code) {
    checkLengths(srcAddr.length, dstAddr.length);
    boolean v6 = srcAddr.length == 16;
    int counterpart = v6 ? IcmpPairs.v6(type) : IcmpPairs.v4(type);
    boolean oneWay = counterpart < 0;
    return hash(v6 ? ICMPV6 : ICMP, srcAddr, 0, dstAddr, 0, srcAddr.length, type,
        oneWay ? code : counterpart, true, oneWay);
  }

  private String hash(
      int protocol,
      byte[] src,
      int srcOff,
      byte[] dst,
      int dstOff,
      int addrLength,
      int srcPort,
      int dstPort,
      boolean withPorts,
      boolean keepOrder) {
    checkFields(protocol, srcPort, dstPort);
    int cmp = compare(src, srcOff, dst, dstOff, addrLength);
    boolean swap = !keepOrder && (cmp > 0 || (cmp == 0 && srcPort > dstPort));
    byte[] block = new byte[Sha1Block.BYTES];
    int n = putSeed(block);
    System.arraycopy(swap ? dst : src, swap ? dstOff : srcOff, block, n, addrLength);
    n += addrLength;
    System.arraycopy(swap ? src : dst, swap ? srcOff : dstOff, block, n, addrLength);
    n += addrLength;
    n = putProtocol(block, n, protocol);
    if (withPorts) {
      n = putPorts(block, n, swap ? dstPort : srcPort, swap ? srcPort : dstPort);
    }
    return text(block, n);
  }

  private int putSeed(byte[] block) {
    block[0] = (byte) (seed >>> 8);
    block[1] = (byte) seed;
    return 2;
  }

  /** The address in network order: the low 4 bytes of {@code lo} for IPv4, all 16 for IPv6. */
  private static int putAddress(byte[] block, int at, int ipVersion, long hi, long lo) {
    if (ipVersion == 4) {
      return putBytes(block, at, lo, 4);
    }
    return putBytes(block, putBytes(block, at, hi, 8), lo, 8);
  }

  /** The low {@code count} bytes of {@code value}, most significant first. */
  private static int putBytes(byte[] block, int at, long value, int count) {
    for (int i = count - 1; i >= 0; i--) {
      block[at++] = (byte) (value >>> (8 * i));
    }
    return at;
  }

  /** The protocol and the byte of padding after it. */
  private static int putProtocol(byte[] block, int at, int protocol) {
    block[at] = (byte) protocol;
    block[at + 1] = 0;
    return at + 2;
  }

  private static int putPorts(byte[] block, int at, int first, int second) {
    block[at] = (byte) (first >>> 8);
    block[at + 1] = (byte) first;
    block[at + 2] = (byte) (second >>> 8);
    block[at + 3] = (byte) second;
    return at + 4;
  }

  /** Hashes {@code block[0, length)} and returns "1:" and the digest in base64 (with padding). */
  private static String text(byte[] block, int length) {
    Sha1Block.digest(block, length, block, DIGEST_AT);
    block[0] = '1';
    block[1] = ':';
    int end = putBase64(block, DIGEST_AT, Sha1Block.DIGEST_BYTES, block, 2);
    return new String(block, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * RFC 4648 base64 of {@code src[from, from + length)} at {@code dst[at]}, '=' padded; the output
   * must end before {@code from} where both are one array.
   *
   * @return the index after the last character
   */
  private static int putBase64(byte[] src, int from, int length, byte[] dst, int at) {
    int end = from + length;
    int i = from;
    for (; i + 3 <= end; i += 3) {
      int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | src[i + 2] & 0xff;
      dst[at++] = BASE64[bits >>> 18];
      dst[at++] = BASE64[bits >>> 12 & 0x3f];
      dst[at++] = BASE64[bits >>> 6 & 0x3f];
      dst[at++] = BASE64[bits & 0x3f];
    }
    if (i < end) {
      boolean two = i + 1 < end;
      int bits = (src[i] & 0xff) << 16 | (two ? (src[i + 1] & 0xff) << 8 : 0);
      dst[at++] = BASE64[bits >>> 18];
      dst[at++] = BASE64[bits >>> 12 & 0x3f];
      dst[at++] = two ? BASE64[bits >>> 6 & 0x3f] : (byte) '=';
      dst[at++] = '=';
    }
    return at;
  }

  /** Unsigned byte-wise comparison, as the spec's reference implementation compares addresses. */
  private static int compare(byte[] a, int aOff, byte[] b, int bOff, int length) {
    for (int i = 0; i < length; i++) {
      int d = (a[aOff + i] & 0xff) - (b[bOff + i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  private static void checkLengths(int srcLength, int dstLength) {
    if (srcLength != dstLength || (srcLength != 4 && srcLength != 16)) {
      throw new IllegalArgumentException(
          "address lengths: " + srcLength + " and " + dstLength
              + " (expected: both 4 or both 16)");
    }
  }

  private static void checkFields(int protocol, int srcPort, int dstPort) {
    checkRange("protocol", protocol, 0xff);
    checkRange("source port", srcPort, 0xffff);
    checkRange("destination port", dstPort, 0xffff);
  }

  private static void checkRange(String what, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: 0 ~ " + max + ")");
    }
  }
}
