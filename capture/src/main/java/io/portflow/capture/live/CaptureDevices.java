package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.libpcap.Libpcap;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.util.LinkLayerAddress;

/** The devices libpcap can capture on ({@code pcap_findalldevs}), as {@code tcpdump -D} lists them. */
public final class CaptureDevices {
  private CaptureDevices() {}

  /**
   * Every device in libpcap's order, with addresses and flags. Needs no privileges.
   *
   * @throws CaptureException {@link Kind#LIBPCAP_MISSING}, or {@link Kind#CANNOT_OPEN} when
   *     libpcap cannot list them
   */
  public static List<CaptureDevice> list() throws CaptureException {
    return list(new SysfsNet(SysfsNet.DEFAULT_ROOT));
  }

  /**
   * Names of the kernel's network interfaces in libpcap's order, then {@code any}: what someone
   * who mistyped {@code -i eth0} is looking for. Pseudo-devices (nflog, dbus-system, ...) are left
   * out; on Linux they are the ones libpcap gives a description.
   */
  public static List<String> interfaceNames() throws CaptureException {
    List<String> names = new ArrayList<>();
    boolean any = false;
    for (PcapNetworkInterface nif : findAll()) {
      if (nif.getName().equals("any")) any = true;
      else if (nif.getDescription() == null || nif.getDescription().isBlank()) names.add(nif.getName());
    }
    if (any) names.add("any");
    return names;
  }

  static List<CaptureDevice> list(SysfsNet sysfs) throws CaptureException {
    List<CaptureDevice> devices = new ArrayList<>();
    for (PcapNetworkInterface nif : findAll()) devices.add(describe(nif, sysfs));
    return devices;
  }

  private static List<PcapNetworkInterface> findAll() throws CaptureException {
    Libpcap.require();
    try {
      return Pcaps.findAllDevs();
    } catch (PcapNativeException e) {
      throw new CaptureException(Kind.CANNOT_OPEN,
          "cannot list capture devices: " + LiveErrors.oneLine(e.getMessage()), e);
    }
  }

  private static CaptureDevice describe(PcapNetworkInterface nif, SysfsNet sysfs) {
    List<DeviceAddress> addresses = new ArrayList<>();
    for (PcapAddress a : nif.getAddresses()) {
      if (a.getAddress() == null) continue;
      addresses.add(new DeviceAddress(a.getAddress(), DeviceAddress.prefixLength(a.getNetmask()),
          a.getBroadcastAddress()));
    }
    List<String> links = new ArrayList<>();
    for (LinkLayerAddress l : nif.getLinkLayerAddresses()) links.add(l.toString());
    String description = nif.getDescription();
    return new CaptureDevice(nif.getName(), description == null || description.isBlank() ? null : description,
        addresses, links, nif.isUp(), nif.isRunning(), nif.isLoopBack(), sysfs.wireless(nif.getName()),
        sysfs.operState(nif.getName()));
  }
}
