package io.portflow.analyze.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IpTextTest {
  @Test
  void ipv4_dottedQuadWithUnsignedOctets() {
    assertEquals("192.168.255.1", IpText.format(4, 0, 0xc0a8ff01L));
    assertEquals("0.0.0.0", IpText.ipv4(0));
    assertEquals("255.255.255.255", IpText.ipv4(-1));
  }

  @Test
  void ipv6_rfc5952() {
    assertEquals("2001:db8::1", IpText.ipv6(0x20010db800000000L, 1));
    assertEquals("::1", IpText.ipv6(0, 1));
    assertEquals("::", IpText.ipv6(0, 0));
    assertEquals("fe80::", IpText.ipv6(0xfe80000000000000L, 0));
    assertEquals("2001:db8:0:1:1:1:1:1", IpText.ipv6(0x20010db800000001L, 0x0001000100010001L),
        "a single zero group is not compressed");
    assertEquals("2001:0:0:1::1", IpText.ipv6(0x2001000000000001L, 1),
        "the longer run is compressed");
    assertEquals("2001:db8::1:0:0:1", IpText.ipv6(0x20010db800000000L, 0x0001000000000001L),
        "the first of equal runs is compressed");
    assertEquals("2a03:2880:1010:6f03:face:b00c:0:2", IpText.ipv6(0x2a03288010106f03L, 0xfaceb00c00000002L));
  }

  @Test
  void ipv6_mappedIpv4KeepsTheDottedQuad() {
    assertEquals("::ffff:192.0.2.1", IpText.ipv6(0, 0x0000ffffc0000201L));
  }

  @Test
  void of_bytesInNetworkOrderAsFlowRecordsWriteThem() {
    assertEquals("10.77.0.1", IpText.of(new byte[] {10, 77, 0, 1}));
    assertEquals("255.255.255.255", IpText.of(new byte[] {-1, -1, -1, -1}));
    byte[] v6 = new byte[16];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[2] = 0x0d;
    v6[3] = (byte) 0xb8;
    v6[15] = 1;
    assertEquals("2001:db8::1", IpText.of(v6));
    assertEquals("::", IpText.of(new byte[16]));
    v6 = new byte[16];
    v6[10] = -1;
    v6[11] = -1;
    v6[12] = (byte) 192;
    v6[15] = 1;
    assertEquals("::ffff:192.0.0.1", IpText.of(v6));
  }

  @Test
  void of_otherLengthsAreRejected() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> IpText.of(new byte[6]));
    assertEquals("invalid address length: 6 bytes (expected: 4 or 16)", e.getMessage());
  }
}
