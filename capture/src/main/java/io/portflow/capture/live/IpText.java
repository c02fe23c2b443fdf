package io.portflow.capture.live;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Address text as the rest of portflow prints it: dotted quad, or RFC 5952 for IPv6. */
final class IpText {
  private IpText() {}

  static String of(InetAddress address) {
    if (address instanceof Inet6Address) return ipv6(address.getAddress());
    return address.getHostAddress();
  }

  /** RFC 5952: lower case, no leading zeros, the longest run (two or more) of zero groups as "::". */
  static String ipv6(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
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

  /** Number of leading one bits of a netmask; -1 when the mask is not contiguous or absent. */
  static int prefixLength(InetAddress netmask) {
    if (netmask == null) return -1;
    int bits = 0;
    boolean zeroSeen = false;
    for (byte b : netmask.getAddress()) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = ((b >> bit) & 1) == 1;
        if (one && zeroSeen) return -1;
        if (one) bits++;
        else zeroSeen = true;
      }
    }
    return bits;
  }
}
