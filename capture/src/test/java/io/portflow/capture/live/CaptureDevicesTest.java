package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** pcap_findalldevs on this machine: needs libpcap, not root. */
class CaptureDevicesTest {
  @Test
  void loopbackIsListedWithItsAddressAndFlags() throws Exception {
    Privileges.assumeLibpcap();
    List<CaptureDevice> devices = CaptureDevices.list();
    Optional<CaptureDevice> lo = devices.stream().filter(d -> d.name().equals("lo")).findFirst();
    assumeTrue(lo.isPresent(), "this machine has no lo");

    assertTrue(lo.get().loopback());
    assertTrue(lo.get().addresses().stream().anyMatch(a -> a.address().getHostAddress().equals("127.0.0.1") && a.prefixLength() == 8),
        "addresses: " + lo.get().addresses());
    assertFalse(lo.get().pseudo());
    assertEquals(lo.get().up(), lo.get().operState() != null && !lo.get().operState().equals("down"));
  }

  @Test
  void anyIsAPseudoDeviceWithADescription() throws Exception {
    Privileges.assumeLibpcap();
    Optional<CaptureDevice> any = CaptureDevices.list().stream().filter(d -> d.name().equals("any")).findFirst();
    assumeTrue(any.isPresent(), "this libpcap has no 'any' device");
    assertTrue(any.get().pseudo());
    assertTrue(any.get().description() != null);
    assertTrue(any.get().addresses().isEmpty());
  }

  @Test
  void interfaceNamesPutAnyLastAndLeavePseudoDevicesOut() throws Exception {
    Privileges.assumeLibpcap();
    List<String> names = CaptureDevices.interfaceNames();
    assumeTrue(names.contains("any"), "this libpcap has no 'any' device");
    assertEquals("any", names.get(names.size() - 1));
    assertFalse(names.contains("nflog"));
    assertFalse(names.contains("dbus-system"));
  }
}
