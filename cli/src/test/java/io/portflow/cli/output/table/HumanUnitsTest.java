package io.portflow.cli.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HumanUnitsTest {
  @Test
  void bytes_belowOneKilobyteAreExact() {
    assertEquals("0 B", HumanUnits.bytes(0));
    assertEquals("999 B", HumanUnits.bytes(999));
  }

  @Test
  void bytes_siUnitsWithOneDecimal() {
    assertEquals("1.0 kB", HumanUnits.bytes(1000));
    assertEquals("1.2 kB", HumanUnits.bytes(1234));
    assertEquals("999.9 kB", HumanUnits.bytes(999_949));
    assertEquals("3.4 MB", HumanUnits.bytes(3_400_000));
    assertEquals("12.3 GB", HumanUnits.bytes(12_345_678_901L));
  }

  @Test
  void bytes_roundingUpMovesToTheNextUnit() {
    assertEquals("1.0 MB", HumanUnits.bytes(999_950));
    assertEquals("1.0 GB", HumanUnits.bytes(999_999_999));
  }

  @Test
  void bytes_largestLongFits() {
    assertEquals("9.2 EB", HumanUnits.bytes(Long.MAX_VALUE));
  }

  @Test
  void count_groupsThousands() {
    assertEquals("7", HumanUnits.count(7));
    assertEquals("1,234", HumanUnits.count(1234));
    assertEquals("1,234,567", HumanUnits.count(1_234_567));
  }

  @Test
  void duration_zeroAndSubMicrosecond() {
    assertEquals("0s", HumanUnits.duration(0));
    assertEquals("400ns", HumanUnits.duration(400));
  }

  @Test
  void duration_microAndMilliseconds() {
    assertEquals("151us", HumanUnits.duration(151_000));
    assertEquals("999us", HumanUnits.duration(999_499));
    assertEquals("1.0ms", HumanUnits.duration(999_500));
    assertEquals("12.3ms", HumanUnits.duration(12_345_678));
    assertEquals("999.9ms", HumanUnits.duration(999_949_999));
  }

  @Test
  void duration_secondsMinutesHoursDays() {
    assertEquals("1.00s", HumanUnits.duration(999_950_000));
    assertEquals("4.52s", HumanUnits.duration(4_523_000_000L));
    assertEquals("59.99s", HumanUnits.duration(59_994_999_999L));
    assertEquals("1m00s", HumanUnits.duration(59_995_000_000L));
    assertEquals("3m07s", HumanUnits.duration(187_000_000_000L));
    assertEquals("2h05m", HumanUnits.duration(7_500_000_000_000L));
    assertEquals("3d04h", HumanUnits.duration((3 * 86_400 + 4 * 3600) * 1_000_000_000L));
  }
}
