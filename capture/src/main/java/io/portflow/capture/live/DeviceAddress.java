package io.portflow.capture.live;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One IP address of a capture device. Addresses stay {@link InetAddress}es here: the CLI prints
 * them with the same formatter as flow records, so an interface's address and a flow's end read
 * alike.
 *
 * @param address the address, without zone
 * @param prefixLength length of the netmask in bits, or -1 when libpcap gave none (or a mask that
 *     is not contiguous)
 * @param broadcast the IPv4 broadcast address, or null
 */
public record DeviceAddress(InetAddress address, int prefixLength, InetAddress broadcast) {

  public DeviceAddress {
    Objects.requireNonNull(address, "address");
  }

  /** 4 or 6. */
  public int family() {
    return address instanceof Inet4Address ? 4 : 6;
  }

  /** Number of leading one bits of a netmask; -1 when the mask is absent or not contiguous. */
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
