package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.capture.live.CaptureDevice;
import io.portflow.capture.live.DeviceAddress;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfacesViewTest {
  @Test
  void devicesStatesAndAddresses() throws Exception {
    List<CaptureDevice> devices = List.of(
        new CaptureDevice("eth0", null, List.of(address("192.0.2.2", 24, "192.0.2.255"),
            address("fe80:0:0:0:fc:ff:fe00:1", 64, null)), List.of("02:fc:00:00:00:01"),
            true, true, false, false, "up"),
        new CaptureDevice("any", "Pseudo-device that captures on all interfaces", List.of(), List.of(),
            true, true, false, false, null),
        new CaptureDevice("lo", null, List.of(address("127.0.0.1", 8, null)),
            List.of("00:00:00:00:00:00"), true, true, true, false, "unknown"),
        new CaptureDevice("wlan0", null, List.of(), List.of("aa:bb:cc:dd:ee:ff"), true, false, false, true, "dormant"),
        new CaptureDevice("veth1", null, List.of(), List.of(), false, false, false, false, "down"),
        new CaptureDevice("nflog", "Linux netfilter log (NFLOG) interface", List.of(), List.of(),
            false, false, false, false, null));
    assertEquals("""
        INTERFACE  STATE                     ADDRESSES
        eth0       up, running               192.0.2.2/24  fe80::fc:ff:fe00:1/64  (02:fc:00:00:00:01)
        any        up, running               Pseudo-device that captures on all interfaces
        lo         up, running, loopback     127.0.0.1/8
        wlan0      up, no carrier, wireless  (aa:bb:cc:dd:ee:ff)
        veth1      down
        nflog      -                         Linux netfilter log (NFLOG) interface
        """, InterfacesView.render(devices));
  }

  @Test
  void address_withoutNetmaskIsBare() throws Exception {
    assertEquals("2001:db8::1", InterfacesView.address(address("2001:db8:0:0:0:0:0:1", -1, null)));
  }

  private static DeviceAddress address(String literal, int prefix, String broadcast) throws Exception {
    return new DeviceAddress(InetAddress.getByName(literal), prefix,
        broadcast == null ? null : InetAddress.getByName(broadcast));
  }
}
