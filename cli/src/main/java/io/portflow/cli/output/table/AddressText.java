package io.portflow.cli.output.table;

/**
 * {@code ip:port} for a table cell: IPv6 in brackets ({@code [2001:db8::1]:443}), and a long
 * IPv6 address elided in the middle ({@code [2001:db8..370:7348]:443}) so that addresses cannot
 * push the row past a terminal's width. The prefix (network) and the suffix (host) are what
 * people compare; the middle is what they skip.
 */
final class AddressText {
  /** The usual limit: keeps typical addresses such as {@code 2a00:1450:4001:82a::200e} whole. */
  static final int MAX_IPV6 = 24;
  /** The tightest limit a crowded table may ask for: {@code 2001:db8..1002}. */
  static final int MIN_IPV6 = 14;
  private static final String ELLIPSIS = "..";

  private AddressText() {}

  static String of(String ip, int port) {
    return of(ip, port, MAX_IPV6);
  }

  /** With IPv6 text cut to at most {@code maxIpv6} characters. */
  static String of(String ip, int port, int maxIpv6) {
    if (ip.indexOf(':') < 0) {
      return ip + ':' + port;
    }
    return '[' + elide(ip, maxIpv6) + "]:" + port;
  }

  static String elide(String ip) {
    return elide(ip, MAX_IPV6);
  }

  /**
   * Keeps whole groups from both ends, taking one more group from the front, then one from the
   * back, and so on while the text fits {@code max}: the network prefix first, then the host part.
   */
  static String elide(String ip, int max) {
    if (ip.length() <= max) {
      return ip;
    }
    int head = ip.indexOf(':'); // end of the kept prefix
    int tail = ip.lastIndexOf(':') + 1; // start of the kept suffix
    if (head <= 0 || tail >= ip.length() || length(ip, head, tail) > max) {
      int side = (max - ELLIPSIS.length()) / 2;
      return ip.substring(0, side) + ELLIPSIS + ip.substring(ip.length() - side);
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      int nextHead = ip.indexOf(':', head + 1);
      if (nextHead > 0 && nextHead < tail && length(ip, nextHead, tail) <= max) {
        head = nextHead;
        grew = true;
      }
      int nextTail = ip.lastIndexOf(':', tail - 2) + 1;
      if (nextTail > head + 1 && length(ip, head, nextTail) <= max) {
        tail = nextTail;
        grew = true;
      }
    }
    return strip(ip.substring(0, head)) + ELLIPSIS + strip(ip.substring(tail));
  }

  private static int length(String ip, int head, int tail) {
    return strip(ip.substring(0, head)).length() + ELLIPSIS.length() + strip(ip.substring(tail)).length();
  }

  /** Drops the colons a cut through {@code ::} leaves at the edge of the ellipsis. */
  private static String strip(String part) {
    int from = 0;
    int to = part.length();
    while (from < to && part.charAt(from) == ':') {
      from++;
    }
    while (to > from && part.charAt(to - 1) == ':') {
      to--;
    }
    return part.substring(from, to);
  }
}
