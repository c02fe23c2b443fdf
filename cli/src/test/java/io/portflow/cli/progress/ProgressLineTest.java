package io.portflow.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void barPercentBytesRateAndTimeLeft() {
    assertEquals("reading [##########..............]  45%  450.0 MB of 1.0 GB  225.0 MB/s  0:02 left",
        ProgressLine.of(450_000_000L, 1_000_000_000L, 2_000_000_000L));
  }

  @Test
  void done_noTimeLeft() {
    assertEquals("reading [########################] 100%  1.0 GB of 1.0 GB  1.0 GB/s",
        ProgressLine.of(1_000_000_000L, 1_000_000_000L, 1_000_000_000L));
  }

  @Test
  void unknownTotal_bytesAndRateOnly() {
    assertEquals("reading 12.3 MB  12.3 MB/s", ProgressLine.of(12_300_000L, 0, 1_000_000_000L));
  }

  @Test
  void fitsAnEightyColumnTerminal() {
    String line = ProgressLine.of(999_999_999_999L, 999_999_999_999_999L, 3_600_000_000_000L);
    assertTrue(line.length() < 80, line.length() + ": " + line);
  }

  @Test
  void clock_minutesAndHours() {
    assertEquals("0:07", ProgressLine.clock(7));
    assertEquals("12:34", ProgressLine.clock(754));
    assertEquals("1:02:03", ProgressLine.clock(3723));
  }
}
