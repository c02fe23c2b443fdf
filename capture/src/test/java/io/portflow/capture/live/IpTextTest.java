package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {
  @Test
  void ipv6_rfc5952() throws Exception {
    assertEquals("::1", text("::1"));
    assertEquals("::", text("::"));
    assertEquals("fe80::fc:ff:fe00:1", text("fe80:0:0:0:fc:ff:fe00:1"));
    assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1")); // first of two equal runs
    assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1")); // a single zero group stays
    assertEquals("2001:db8::", text("2001:db8:0:0:0:0:0:0"));
    assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1")); // the longer run wins
  }

  @Test
  void ipv4_dottedQuad() throws Exception {
    assertEquals("10.77.0.1", IpText.of(InetAddress.getByName("10.77.0.1")));
  }

  @Test
  void prefixLength_fromNetmask() throws Exception {
    assertEquals(24, IpText.prefixLength(InetAddress.getByName("255.255.255.0")));
    assertEquals(8, IpText.prefixLength(InetAddress.getByName("255.0.0.0")));
    assertEquals(32, IpText.prefixLength(InetAddress.getByName("255.255.255.255")));
    assertEquals(64, IpText.prefixLength(InetAddress.getByName("ffff:ffff:ffff:ffff::")));
    assertEquals(-1, IpText.prefixLength(InetAddress.getByName("255.0.255.0")));
    assertEquals(-1, IpText.prefixLength(null));
  }

  private static String text(String literal) throws Exception {
    return IpText.of(InetAddress.getByName(literal));
  }
}
