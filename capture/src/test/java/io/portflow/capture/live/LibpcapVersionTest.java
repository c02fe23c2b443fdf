package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibpcapVersionTest {
  @Test
  void atLeast_comparesMajorThenMinor() {
    assertTrue(LibpcapVersion.atLeast("libpcap version 1.10.3 (with TPACKET_V3)", 1, 10));
    assertTrue(LibpcapVersion.atLeast("libpcap version 1.11.0-PRE-GIT (with TPACKET_V3)", 1, 10));
    assertTrue(LibpcapVersion.atLeast("libpcap version 2.0.0", 1, 10));
    assertFalse(LibpcapVersion.atLeast("libpcap version 1.9.1 (with TPACKET_V3)", 1, 10));
    assertFalse(LibpcapVersion.atLeast("libpcap version 1.8.1", 1, 10));
  }

  @Test
  void atLeast_falseWithoutAVersion() {
    assertFalse(LibpcapVersion.atLeast(null, 1, 10));
    assertFalse(LibpcapVersion.atLeast("Npcap version 1.79, based on libpcap", 1, 10));
  }

  @Test
  void wakeMode_autoFollowsTheVersion() {
    assertEquals(WakeMode.BREAKLOOP, WakeMode.AUTO.resolve("libpcap version 1.10.3 (with TPACKET_V3)"));
    assertEquals(WakeMode.POLL, WakeMode.AUTO.resolve("libpcap version 1.9.1 (with TPACKET_V3)"));
    assertEquals(WakeMode.POLL, WakeMode.POLL.resolve("libpcap version 1.10.3"));
    assertEquals(WakeMode.BREAKLOOP, WakeMode.BREAKLOOP.resolve("libpcap version 1.8.1"));
  }
}
