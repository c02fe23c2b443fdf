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
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};

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
    return format(RFC_3339, epochNanos, true);
  }

  /** For people: {@code 2026-11-21 05:02:11.154186} (UTC, said once by the caller). */
  public String humanTimestamp(long epochNanos) {
    return format(HUMAN, epochNanos, false);
  }

  /** Seconds as a plain decimal number with {@link #digits()} fraction digits: {@code 0.000151}. */
  public String seconds(long nanos) {
    if (nanos < 0) {
      return BigDecimal.valueOf(nanos, 9).setScale(digits, RoundingMode.FLOOR).toPlainString();
    }
    // Every flow record has three of these: plain digits, no BigDecimal.
    String whole = Long.toString(nanos / NANOS_PER_SECOND);
    char[] text = new char[whole.length() + 1 + digits];
    whole.getChars(0, whole.length(), text, 0);
    text[whole.length()] = '.';
    putFraction(text, whole.length() + 1, (int) (nanos % NANOS_PER_SECOND));
    return new String(text);
  }

  private String format(DateTimeFormatter formatter, long epochNanos, boolean zulu) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return formatter.format(time) + '.' + String.format("%09d", nanos).substring(0, digits)
          + (zulu ? "Z" : "");
    }
    // The formatter's pattern written out by hand: DateTimeFormatter and String.format cost
    // microseconds, and every flow record has two timestamps.
    char[] text = new char[20 + digits + (zulu ? 1 : 0)];
    put(text, 0, time.getYear(), 4);
    text[4] = '-';
    put(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, time.getDayOfMonth(), 2);
    text[10] = formatter == HUMAN ? ' ' : 'T';
    put(text, 11, time.getHour(), 2);
    text[13] = ':';
    put(text, 14, time.getMinute(), 2);
    text[16] = ':';
    put(text, 17, time.getSecond(), 2);
    text[19] = '.';
    putFraction(text, 20, nanos);
    if (zulu) {
      text[20 + digits] = 'Z';
    }
    return new String(text);
  }

  /** The first {@link #digits} of the nine-digit nanosecond fraction, truncated. */
  private void putFraction(char[] text, int at, int nanos) {
    put(text, at, nanos / POWERS_OF_TEN[9 - digits], digits);
  }

  /** {@code value} as exactly {@code width} decimal digits, zero-padded. */
  private static void put(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
