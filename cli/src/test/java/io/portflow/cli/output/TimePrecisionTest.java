package io.portflow.cli.output;

import static io.portflow.capture.TimestampResolution.MICROSECONDS;
import static io.portflow.capture.TimestampResolution.NANOSECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.capture.CaptureInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimePrecisionTest {
  private static final long T0 = 1_348_425_671_123_456_000L;

  @Test
  void timestamp_microsecondsRfc3339Utc() {
    assertEquals("2012-09-23T18:41:11.123456Z", TimePrecision.MICROS.timestamp(T0));
    assertEquals("2012-09-23T18:41:11.123456Z", TimePrecision.MICROS.timestamp(T0 + 999));
  }

  @Test
  void timestamp_nanoseconds() {
    assertEquals("2012-09-23T18:41:11.123456789Z", TimePrecision.NANOS.timestamp(T0 + 789));
  }

  @Test
  void timestamp_beforeTheEpoch() {
    assertEquals("1969-12-31T23:59:59.999999Z", TimePrecision.MICROS.timestamp(-1_000));
    assertEquals("1970-01-01T00:00:00.000000Z", TimePrecision.MICROS.timestamp(0));
  }

  @Test
  void humanTimestamp_spaceNoZone() {
    assertEquals("2012-09-23 18:41:11.123456", TimePrecision.MICROS.humanTimestamp(T0));
  }

  @Test
  void seconds_plainDecimalWithFixedDigits() {
    assertEquals("0.000151", TimePrecision.MICROS.seconds(151_000));
    assertEquals("0.000000", TimePrecision.MICROS.seconds(0));
    assertEquals("12.000000", TimePrecision.MICROS.seconds(12_000_000_000L));
    assertEquals("0.000000001", TimePrecision.NANOS.seconds(1));
    assertEquals("86400.000000000", TimePrecision.NANOS.seconds(86_400_000_000_000L));
  }

  @Test
  void of_nanosecondsOnlyWhenAnInputHasThem() {
    CaptureInfo pcap = new CaptureInfo("a.pcap", "pcap", false, List.of(1), MICROSECONDS);
    CaptureInfo pcapng = new CaptureInfo("b.pcapng", "pcapng", false, List.of(1), MICROSECONDS);
    CaptureInfo nsec = new CaptureInfo("c.pcap", "pcap-nsec", false, List.of(1), NANOSECONDS);
    CaptureInfo nsecPcapng = new CaptureInfo("d.pcapng", "pcapng", false, List.of(1, 113), NANOSECONDS);
    assertEquals(TimePrecision.MICROS, TimePrecision.of(List.of(pcap, pcapng)));
    assertEquals(TimePrecision.NANOS, TimePrecision.of(List.of(pcap, nsec)));
    assertEquals(TimePrecision.NANOS, TimePrecision.of(List.of(nsecPcapng)));
    assertEquals(TimePrecision.NANOS, TimePrecision.of(List.of(pcapng, nsecPcapng)));
    assertEquals(TimePrecision.MICROS, TimePrecision.of(List.of()));
  }

  @Test
  void handWrittenFormat_sameAsDateTimeFormatterAndBigDecimal() {
    DateTimeFormatter rfc = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      long nanos = i < 10_000 ? random.nextLong() : random.nextLong(-100_000_000_000L, 100_000_000_000L);
      for (TimePrecision p : TimePrecision.values()) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), 0, ZoneOffset.UTC);
        String fraction = String.format("%09d", Math.floorMod(nanos, 1_000_000_000L)).substring(0, p.digits());
        assertEquals(rfc.format(time) + '.' + fraction + 'Z', p.timestamp(nanos), "timestamp " + nanos);
        assertEquals(BigDecimal.valueOf(nanos, 9).setScale(p.digits(), RoundingMode.FLOOR).toPlainString(),
            p.seconds(nanos), "seconds " + nanos);
      }
    }
  }

  @Test
  void putTimestampAndSeconds_sameAsTheStrings_atAnOffset_withinMaxBytes() {
    long[] values = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, T0, -T0, 999_999_999, -1_000_000_000};
    for (TimePrecision p : TimePrecision.values()) {
      for (long nanos : values) {
        byte[] dst = new byte[5 + TimePrecision.MAX_BYTES];
        int end = p.putTimestamp(dst, 5, nanos);
        assertEquals(p.timestamp(nanos), new String(dst, 5, end - 5, StandardCharsets.US_ASCII));
        end = p.putSeconds(dst, 5, nanos);
        assertEquals(p.seconds(nanos), new String(dst, 5, end - 5, StandardCharsets.US_ASCII));
      }
    }
    assertEquals("-9223372036.854775808", TimePrecision.NANOS.seconds(Long.MIN_VALUE));
  }
}
