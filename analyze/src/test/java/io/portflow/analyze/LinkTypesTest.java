package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkTypesTest {
  @Test
  void shortStableNames() {
    assertEquals("null", LinkTypes.name(0));
    assertEquals("ethernet", LinkTypes.name(1));
    assertEquals("ppp", LinkTypes.name(9));
    assertEquals("fddi", LinkTypes.name(10));
    assertEquals("raw-ip", LinkTypes.name(12));
    assertEquals("raw-ip", LinkTypes.name(14));
    assertEquals("raw-ip", LinkTypes.name(101));
    assertEquals("c-hdlc", LinkTypes.name(104));
    assertEquals("loop", LinkTypes.name(108));
    assertEquals("linux-sll", LinkTypes.name(113));
    assertEquals("ipv4", LinkTypes.name(228));
    assertEquals("ipv6", LinkTypes.name(229));
    assertEquals("nflog", LinkTypes.name(239));
    assertEquals("ipoib", LinkTypes.name(242));
    assertEquals("linux-sll2", LinkTypes.name(276));
    assertEquals("linktype-147", LinkTypes.name(147));
    assertEquals("linktype-4294967295", LinkTypes.name(-1));
  }

  @Test
  void supportedMatchesTheDecoder() {
    for (int type : new int[] {0, 1, 9, 10, 12, 14, 101, 104, 108, 113, 228, 229, 239, 242, 276}) {
      assertTrue(LinkTypes.isSupported(type), "link type " + type);
    }
    assertFalse(LinkTypes.isSupported(105));
    assertFalse(LinkTypes.isSupported(127));
  }
}
