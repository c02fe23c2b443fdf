package io.portflow.analyze.decode;

/** Addresses as text: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, longest zero run as ::). */
public final class IpText {
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
    return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
        + (address & 0xff);
  }

  public static String ipv6(long hi, long lo) {
    // RFC 5952 section 5: IPv4-mapped addresses keep the dotted quad.
    if (hi == 0 && lo >>> 32 == 0xffff) {
      return "::ffff:" + ipv4((int) lo);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
    }
    // The longest run of two or more zero groups becomes "::"; the first wins a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
