package io.portflow.cli.output;

import io.portflow.capture.CaptureInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How many fraction digits timestamps and durations get. Microseconds unless an input records
 * nanoseconds: printing nine digits for a microsecond capture would claim precision it lacks,
 * and one run always uses one precision so that timestamps sort as text.
 */
public enum TimePrecision {
  MICROS(6),
  NANOS(9);

  private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int digits;

  TimePrecision(int digits) {
    this.digits = digits;
  }

  /** NANOS when any input's format says so ({@code pcap-nsec}, or any other {@code *-nsec}). */
  public static TimePrecision of(List<CaptureInfo> inputs) {
    for (CaptureInfo input : inputs) {
      if (input.format() != null && input.format().endsWith("nsec")) {
        return NANOS;
      }
    }
    return MICROS;
  }

  public int digits() {
    return digits;
  }

  /** RFC 3339 in UTC: {@code 2026-11-21T05:02:11.154186Z}. */
  public String timestamp(long epochNanos) {
    return format(RFC_3339, epochNanos) + 'Z';
  }

  /** For people: {@code 2026-11-21 05:02:11.154186} (UTC, said once by the caller). */
  public String humanTimestamp(long epochNanos) {
    return format(HUMAN, epochNanos);
  }

  /** Seconds as a plain decimal number with {@link #digits()} fraction digits: {@code 0.000151}. */
  public String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(digits, RoundingMode.FLOOR).toPlainString();
  }

  private String format(DateTimeFormatter formatter, long epochNanos) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    String fraction = String.format("%09d", nanos).substring(0, digits);
    return formatter.format(time) + '.' + fraction;
  }
}
