package io.portflow.capture.live;

/**
 * One IP address of a capture device.
 *
 * @param family 4 or 6
 * @param address dotted quad, or RFC 5952 IPv6 without brackets or zone
 * @param prefixLength length of the netmask in bits, or -1 when libpcap gave no netmask
 * @param broadcast the IPv4 broadcast address, or null
 */
public record DeviceAddress(int family, String address, int prefixLength, String broadcast) {

  /** "10.0.0.5/24", or the bare address without a known prefix. */
  @Override
  public String toString() {
    return prefixLength < 0 ? address : address + "/" + prefixLength;
  }
}
