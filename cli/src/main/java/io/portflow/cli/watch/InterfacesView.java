package io.portflow.cli.watch;

import io.portflow.analyze.decode.IpText;
import io.portflow.capture.live.CaptureDevice;
import io.portflow.capture.live.DeviceAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code portflow interfaces}: what {@code tcpdump -D} lists, one device per line with
 * its state and addresses, pseudo-devices described instead. Pure.
 */
public final class InterfacesView {
  private InterfacesView() {}

  public static String render(List<CaptureDevice> devices) {
    int name = "INTERFACE".length();
    int state = "STATE".length();
    List<String> states = new ArrayList<>();
    for (CaptureDevice d : devices) {
      name = Math.max(name, d.name().length());
      String s = state(d);
      states.add(s);
      state = Math.max(state, s.length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(pad("INTERFACE", name)).append("  ").append(pad("STATE", state)).append("  ADDRESSES\n");
    for (int i = 0; i < devices.size(); i++) {
      CaptureDevice d = devices.get(i);
      String line = pad(d.name(), name) + "  " + pad(states.get(i), state) + "  " + addresses(d);
      sb.append(line.stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * "up, running, loopback", "down", "up, no carrier", "up, running, wireless"; "-" for a
   * pseudo-device libpcap gives no flags (nflog, dbus-system), which has no up or down.
   */
  static String state(CaptureDevice d) {
    if (d.pseudo() && !d.up() && !d.running()) return "-";
    List<String> words = new ArrayList<>();
    words.add(d.up() ? "up" : "down");
    if (d.up()) words.add(d.running() ? "running" : "no carrier");
    if (d.loopback()) words.add("loopback");
    if (d.wireless()) words.add("wireless");
    return String.join(", ", words);
  }

  /** "10.0.0.5/24  fe80::1/64  (02:fc:00:00:00:01)", or the description of a pseudo-device. */
  static String addresses(CaptureDevice d) {
    List<String> parts = new ArrayList<>();
    for (DeviceAddress a : d.addresses()) parts.add(address(a));
    for (String mac : d.linkAddresses()) {
      if (!mac.equals("00:00:00:00:00:00")) parts.add("(" + mac + ")");
    }
    if (parts.isEmpty() && d.description() != null) parts.add(d.description());
    return String.join("  ", parts);
  }

  /** "10.0.0.5/24", "fe80::1/64", or the bare address when libpcap gave no netmask. */
  static String address(DeviceAddress a) {
    String text = IpText.of(a.address().getAddress());
    return a.prefixLength() < 0 ? text : text + "/" + a.prefixLength();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
