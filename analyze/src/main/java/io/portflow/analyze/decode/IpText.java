package io.portflow.analyze.decode;

import java.nio.charset.StandardCharsets;

/**
 * Addresses as text: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, longest zero run as ::).
 * IPv6 is written as ASCII bytes into one array that becomes the string, without an array of
 * groups or a StringBuilder: every flow record has two addresses.
 */
public final class IpText {
  /** Eight groups of four digits and seven colons. */
  private static final int MAX_IPV6 = 39;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private IpText() {}

  /** Formats an address held as in {@link Segment}: IPv4 in the low 32 bits of {@code lo}. */
  public static String format(int ipVersion, long hi, long lo) {
    return ipVersion == 4 ? ipv4((int) lo) : ipv6(hi, lo);
  }

  /**
   * Formats an address given as 4 or 16 bytes in network order, as {@code
   * InetAddress.getAddress()} returns it: the same text a flow record has for that address.
   *
   * @throws IllegalArgumentException for any other length
   */
  public static String of(byte[] address) {
    if (address.length == 4) {
      return ipv4((int) word(address, 0, 4));
    }
    if (address.length == 16) {
      return ipv6(word(address, 0, 8), word(address, 8, 8));
    }
    throw new IllegalArgumentException(
        "invalid address length: " + address.length + " bytes (expected: 4 or 16)");
  }

  private static long word(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      value = value << 8 | (bytes[i] & 0xff);
    }
    return value;
  }

  public static String ipv4(int address) {
    // Concatenation, which javac compiles to a StringBuilder chain here (see the pom) and C2 to
    // one array for the result: a few nanoseconds less than digits written into an array of our
    // own and then copied into the string.
    return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
        + (address & 0xff);
  }

  public static String ipv6(long hi, long lo) {
    // RFC 5952 section 5: IPv4-mapped addresses keep the dotted quad.
    if (hi == 0 && lo >>> 32 == 0xffff) {
      return "::ffff:" + ipv4((int) lo);
    }
    int zeros = 0; // bit i: group i is zero
    for (int i = 0; i < 8; i++) {
      if (group(hi, lo, i) == 0) {
        zeros |= 1 << i;
      }
    }
    // The longest run of two or more zero groups becomes "::"; the first wins a tie. Each step
    // keeps the bits that start a run one longer than the step before: the last bits kept start
    // the longest runs, the lowest of them the first.
    int starts = 0;
    int bestLength = 0;
    for (int run = zeros; run != 0; run &= run >>> 1) {
      starts = run;
      bestLength++;
    }
    int bestStart = bestLength >= 2 ? Integer.numberOfTrailingZeros(starts) : -1;
    byte[] text = new byte[MAX_IPV6];
    int n = 0;
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text[n++] = ':';
        text[n++] = ':';
        i += bestLength - 1;
        continue;
      }
      if (n > 0 && text[n - 1] != ':') {
        text[n++] = ':';
      }
      n = putHex(text, n, group(hi, lo, i));
    }
    return ascii(text, n);
  }

  /** The 16-bit group {@code i} (0 first) of the address. */
  private static int group(long hi, long lo, int i) {
    return (int) ((i < 4 ? hi : lo) >>> (48 - 16 * (i & 3))) & 0xffff;
  }

  /** A group, 0-ffff, in lower-case hex without leading zeros. */
  private static int putHex(byte[] text, int at, int group) {
    if (group >= 0x1000) {
      text[at++] = HEX[group >>> 12];
    }
    if (group >= 0x100) {
      text[at++] = HEX[group >>> 8 & 0xf];
    }
    if (group >= 0x10) {
      text[at++] = HEX[group >>> 4 & 0xf];
    }
    text[at++] = HEX[group & 0xf];
    return at;
  }

  private static String ascii(byte[] text, int length) {
    return new String(text, 0, length, StandardCharsets.ISO_8859_1);
  }
}
