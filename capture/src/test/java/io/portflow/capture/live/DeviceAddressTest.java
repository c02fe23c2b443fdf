package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {
  @Test
  void prefixLength_fromNetmask() throws Exception {
    assertEquals(24, DeviceAddress.prefixLength(InetAddress.getByName("255.255.255.0")));
    assertEquals(8, DeviceAddress.prefixLength(InetAddress.getByName("255.0.0.0")));
    assertEquals(32, DeviceAddress.prefixLength(InetAddress.getByName("255.255.255.255")));
    assertEquals(0, DeviceAddress.prefixLength(InetAddress.getByName("0.0.0.0")));
    assertEquals(64, DeviceAddress.prefixLength(InetAddress.getByName("ffff:ffff:ffff:ffff::")));
    assertEquals(-1, DeviceAddress.prefixLength(InetAddress.getByName("255.0.255.0")));
    assertEquals(-1, DeviceAddress.prefixLength(null));
  }

  @Test
  void family_fromTheAddress() throws Exception {
    assertEquals(4, new DeviceAddress(InetAddress.getByName("10.0.0.5"), 24, null).family());
    assertEquals(6, new DeviceAddress(InetAddress.getByName("fe80::1"), 64, null).family());
  }
}
