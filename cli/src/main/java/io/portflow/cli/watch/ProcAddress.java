package io.portflow.cli.watch;

import io.portflow.analyze.decode.IpText;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes the addresses of {@code /proc/net/tcp*}: the kernel prints each 32-bit word of the
 * network-order address as a host-order number ({@code 0100007F} is 127.0.0.1 on x86), and the
 * port as a plain hex number. Text comes out of the formatter flow records use, so that a socket
 * and a flow's end compare equal as strings.
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
    // A dual-stack socket carries IPv4 peers as ::ffff:a.b.c.d; the flow record says a.b.c.d.
    if (a.length == 16 && isV4Mapped(a)) return IpText.of(Arrays.copyOfRange(a, 12, 16));
    return IpText.of(a);
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
}
