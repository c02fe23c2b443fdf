package io.portflow.analyze.communityid;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Community ID v1: {@code "1:" + base64(SHA-1(seed, addresses, protocol, 0, ports))}, with the
 * smaller (address, port) end first so both directions of a flow hash alike.
 *
 * <p>Not thread-safe: an instance reuses one {@link MessageDigest} and one scratch buffer. Use one
 * instance per thread; computing an ID allocates only its result string.
 */
public final class CommunityId {
  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;
  public static final int ICMPV6 = 58;
  public static final int SCTP = 132;

  private static final int MAX_INPUT = 2 + 16 + 16 + 1 + 1 + 2 + 2;

  private final MessageDigest sha1;
  private final byte[] input = new byte[MAX_INPUT];
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
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1 (MessageDigest's documented requirements).
      throw new IllegalStateException("SHA-1 not available", e);
    }
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
    checkRange("protocol", protocol, 0xff);
    checkRange("source port", srcPort, 0xffff);
    checkRange("destination port", dstPort, 0xffff);
    int cmp = compare(src, srcOff, dst, dstOff, addrLength);
    boolean swap = !keepOrder && (cmp > 0 || (cmp == 0 && srcPort > dstPort));
    int n = 0;
    input[n++] = (byte) (seed >>> 8);
    input[n++] = (byte) seed;
    System.arraycopy(swap ? dst : src, swap ? dstOff : srcOff, input, n, addrLength);
    n += addrLength;
    System.arraycopy(swap ? src : dst, swap ? srcOff : dstOff, input, n, addrLength);
    n += addrLength;
    input[n++] = (byte) protocol;
    input[n++] = 0;
    if (withPorts) {
      int first = swap ? dstPort : srcPort;
      int second = swap ? srcPort : dstPort;
      input[n++] = (byte) (first >>> 8);
      input[n++] = (byte) first;
      input[n++] = (byte) (second >>> 8);
      input[n++] = (byte) second;
    }
    sha1.reset();
    sha1.update(input, 0, n);
    return "1:" + Base64.getEncoder().encodeToString(sha1.digest());
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

  private static void checkRange(String what, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: 0 ~ " + max + ")");
    }
  }
}
