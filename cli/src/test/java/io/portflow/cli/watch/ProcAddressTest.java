package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ProcAddressTest {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  @Test
  void ipv4_hostOrderWord() {
    assertEquals("127.0.0.1", ProcAddress.ip("0100007F", LE));
    assertEquals("10.77.0.1", ProcAddress.ip("01004D0A", LE));
    assertEquals("0.0.0.0", ProcAddress.ip("00000000", LE));
    assertEquals("127.0.0.1", ProcAddress.ip("7F000001", ByteOrder.BIG_ENDIAN));
  }

  @Test
  void ipv6_fourHostOrderWords() {
    assertEquals("::1", ProcAddress.ip("00000000000000000000000001000000", LE));
    assertEquals("::", ProcAddress.ip("00000000000000000000000000000000", LE));
    // fe80::fc:ff:fe00:1
    assertEquals("fe80::fc:ff:fe00:1", ProcAddress.ip("000080FE00000000FF00FC00010000FE", LE));
    assertEquals("2001:db8::1", ProcAddress.ip("B80D0120000000000000000001000000", LE));
  }

  @Test
  void ipv4MappedIpv6_comesOutAsIpv4() {
    assertEquals("10.77.0.2", ProcAddress.ip("0000000000000000FFFF000002004D0A", LE));
  }

  @Test
  void malformed_isNull() {
    assertNull(ProcAddress.ip("0100007", LE));
    assertNull(ProcAddress.ip("0100007G", LE));
  }

  @Test
  void port_hex() {
    assertEquals(8080, ProcAddress.port("1F90"));
    assertEquals(0, ProcAddress.port("0000"));
    assertEquals(65535, ProcAddress.port("FFFF"));
    assertEquals(-1, ProcAddress.port("10000"));
    assertEquals(-1, ProcAddress.port("zz"));
  }
}
