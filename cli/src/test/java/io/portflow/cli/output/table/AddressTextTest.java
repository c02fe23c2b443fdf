package io.portflow.cli.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressTextTest {
  @Test
  void ipv4_ipColonPort() {
    assertEquals("10.0.0.2:52114", AddressText.of("10.0.0.2", 52114));
  }

  @Test
  void ipv6_inBrackets() {
    assertEquals("[2001:db8::1]:443", AddressText.of("2001:db8::1", 443));
    assertEquals("[::1]:6379", AddressText.of("::1", 6379));
  }

  @Test
  void ipv6_typicalAddressesStayWhole() {
    assertEquals("2001:db8:1:2::1002", AddressText.elide("2001:db8:1:2::1002"));
    assertEquals("2a00:1450:4001:82a::200e", AddressText.elide("2a00:1450:4001:82a::200e"));
    assertEquals("::ffff:192.168.100.200", AddressText.elide("::ffff:192.168.100.200"));
  }

  @Test
  void ipv6_longAddressElidedAtGroupBoundaries() {
    assertEquals("2001:db8:85a3..370:7348", AddressText.elide("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
    assertEquals("[2001:db8:85a3..370:7348]:443",
        AddressText.of("2001:db8:85a3:8d3:1319:8a2e:370:7348", 443));
  }

  @Test
  void ipv6_cutThroughDoubleColonLeavesNoStrayColon() {
    assertEquals("2001:db8:1234..def0:1", AddressText.elide("2001:db8:1234:5678:9abc::def0:1"));
    assertEquals("2001:db8..1002", AddressText.elide("2001:db8:1:2::1002", AddressText.MIN_IPV6));
  }

  @Test
  void ipv6_tighterLimitsKeepThePrefixFirst() {
    String ip = "2001:db8:85a3:8d3:1319:8a2e:370:7348";
    assertEquals("2001:db8..370:7348", AddressText.elide(ip, 20));
    assertEquals("2001:db8..7348", AddressText.elide(ip, 14));
    assertEquals("200..348", AddressText.elide(ip, 8));
  }

  @Test
  void ipv6_neverLongerThanTheLimit() {
    String[] samples = {
      "fe80:0000:0000:0000:0204:61ff:fe9d:f156",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
      "1111:2222:3333:4444:5555:6666:7777:8888",
      "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
    };
    for (String ip : samples) {
      String elided = AddressText.elide(ip);
      assertTrue(elided.length() <= AddressText.MAX_IPV6, ip + " -> " + elided);
      assertTrue(elided.contains(".."), ip + " -> " + elided);
    }
  }
}
