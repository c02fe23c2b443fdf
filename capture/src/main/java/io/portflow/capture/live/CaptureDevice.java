package io.portflow.capture.live;

import java.util.List;

/**
 * One device libpcap can capture on, as {@code portflow interfaces} lists it.
 *
 * @param name what {@code watch -i} takes ({@code eth0}, {@code any}, {@code nflog})
 * @param description libpcap's description, or null (Linux gives one only to pseudo-devices)
 * @param addresses IP addresses with prefix length, in libpcap's order
 * @param linkAddresses hardware addresses ({@code 02:fc:00:00:00:01}), usually one or none
 * @param up the interface is administratively up (IFF_UP)
 * @param running the interface has resources allocated and a carrier (IFF_RUNNING)
 * @param loopback the interface is a loopback (IFF_LOOPBACK)
 * @param wireless the kernel reports wireless extensions or an 802.11 PHY for it
 * @param operState the kernel's RFC 2863 state ({@code up}, {@code down}, {@code dormant},
 *     {@code lowerlayerdown}, {@code unknown}, ...), or null for pseudo-devices without one
 */
public record CaptureDevice(
    String name,
    String description,
    List<DeviceAddress> addresses,
    List<String> linkAddresses,
    boolean up,
    boolean running,
    boolean loopback,
    boolean wireless,
    String operState) {

  public CaptureDevice {
    addresses = List.copyOf(addresses);
    linkAddresses = List.copyOf(linkAddresses);
  }

  /** A device with no kernel interface behind it: {@code any}, {@code nflog}, {@code dbus-system}. */
  public boolean pseudo() {
    return operState == null;
  }
}
