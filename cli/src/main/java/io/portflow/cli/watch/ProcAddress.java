package io.portflow.cli.watch;

import java.nio.ByteOrder;

/**
 * Decodes the addresses of {@code /proc/net/tcp*}: the kernel prints each 32-bit word of the
 * network-order address as a host-order number ({@code 0100007F} is 127.0.0.1 on x86), and the
 * port as a plain hex number. Text comes out as the rest of portflow writes it.
 */
final class ProcAddress {
  private ProcAddress() {}

  /**
   * {@code "0100007F"} or a 32-digit IPv6 word sequence, as text; an IPv4-mapped IPv6 address
   * ({@code ::ffff:10.0.0.1}) comes out as IPv4. Null when the text is not 8 or 32 hex digits.
   */
  static String ip(String hex, ByteOrder hostOrder) {
    if (hex.length() != 8 && hex.length() != 32) return null;
    byte[] a = new byte[hex.length() / 2];
    for (int word = 0; word < a.length / 4; word++) {
      long value;
      try {
        value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
      } catch (NumberFormatException e) {
        return null;
      }
      for (int i = 0; i < 4; i++) {
        int shift = hostOrder == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
        a[word * 4 + i] = (byte) (value >>> shift);
      }
    }
    if (a.length == 4) return ipv4(a, 0);
    if (isV4Mapped(a)) return ipv4(a, 12);
    return ipv6(a);
  }

  /** The port half of {@code "0100007F:1F90"}; -1 when it is not hex. */
  static int port(String hex) {
    try {
      int port = Integer.parseInt(hex, 16);
      return port <= 0xffff ? port : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) return false;
    }
    return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
  }

  private static String ipv4(byte[] a, int offset) {
    return (a[offset] & 0xff) + "." + (a[offset + 1] & 0xff) + "." + (a[offset + 2] & 0xff) + "." + (a[offset + 3] & 0xff);
  }

  /** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups as "::". */
  static String ipv6(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }
}
