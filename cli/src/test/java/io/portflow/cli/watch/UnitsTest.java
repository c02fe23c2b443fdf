package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytes_threeSignificantDigits() {
    assertEquals("0 B", Units.bytes(0));
    assertEquals("999 B", Units.bytes(999));
    assertEquals("1.0 kB", Units.bytes(1000));
    assertEquals("1.2 MB", Units.bytes(1_234_567));
    assertEquals("12 kB", Units.bytes(12_345));
    assertEquals("123 GB", Units.bytes(123_456_789_012L));
  }

  @Test
  void rates_andCounts() {
    assertEquals("800 kB/s", Units.rate(800_000));
    assertEquals("0 B/s", Units.rate(-3));
    assertEquals("999", Units.count(999));
    assertEquals("1.2k", Units.count(1234));
    assertEquals("35M", Units.count(34_999_999));
  }

  @Test
  void elapsed_clock() {
    assertEquals("00:00:00", Units.elapsed(0.9));
    assertEquals("01:01:01", Units.elapsed(3661));
    assertEquals("2d 00:00:05", Units.elapsed(2 * 86400 + 5));
  }
}
