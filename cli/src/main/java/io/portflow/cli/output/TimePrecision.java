package io.portflow.cli.output;

import io.portflow.capture.CaptureInfo;
import io.portflow.capture.TimestampResolution;
import io.portflow.cli.output.json.Digits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How many fraction digits timestamps and durations get. Microseconds unless an input records
 * timestamps finer than a microsecond (pcap-nsec, a pcapng interface with if_tsresol 10^-7 or
 * finer, or 2^-20 or finer): printing nine digits for a microsecond capture would claim precision
 * it lacks, and one run always uses one precision so that timestamps sort as text.
 */
public enum TimePrecision {
  MICROS(6),
  NANOS(9);

  /**
   * The most bytes of {@link #putTimestamp} and {@link #putSeconds}: 30 for a timestamp with
   * nanoseconds, 21 for the most negative seconds.
   */
  public static final int MAX_BYTES = 32;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};

  private final int digits;

  TimePrecision(int digits) {
    this.digits = digits;
  }

  /**
   * NANOS when any input, or any interface of a pcapng input, records timestamps finer than a
   * microsecond; the others' timestamps then end in zeros. An input only knows the interfaces it
   * has read ({@link CaptureInfo#timestampResolution()}): asked at the start, before the first
   * record is written, that is those declared before each input's first packet; asked after the
   * whole input was read, all of them.
   */
  public static TimePrecision of(List<CaptureInfo> inputs) {
    for (CaptureInfo input : inputs) {
      if (input.timestampResolution() == TimestampResolution.NANOSECONDS) {
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
    byte[] text = new byte[MAX_BYTES];
    return ascii(text, putTimestamp(text, 0, epochNanos));
  }

  /** For people: {@code 2026-11-21 05:02:11.154186} (UTC, said once by the caller). */
  public String humanTimestamp(long epochNanos) {
    byte[] text = new byte[MAX_BYTES];
    return ascii(text, put(text, 0, epochNanos, ' ', false));
  }

  /** Seconds as a plain decimal number with {@link #digits()} fraction digits: {@code 0.000151}. */
  public String seconds(long nanos) {
    byte[] text = new byte[MAX_BYTES];
    return ascii(text, putSeconds(text, 0, nanos));
  }

  /**
   * {@link #timestamp(long)} as ASCII at {@code at}, without the String; there must be room for
   * {@link #MAX_BYTES}.
   *
   * @return the index after the last byte
   */
  public int putTimestamp(byte[] dst, int at, long epochNanos) {
    return put(dst, at, epochNanos, 'T', true);
  }

  /**
   * {@link #seconds(long)} as ASCII at {@code at}, without the String; there must be room for
   * {@link #MAX_BYTES}.
   *
   * @return the index after the last byte
   */
  public int putSeconds(byte[] dst, int at, long nanos) {
    if (nanos < 0) {
      String text = BigDecimal.valueOf(nanos, 9).setScale(digits, RoundingMode.FLOOR).toPlainString();
      for (int i = 0; i < text.length(); i++) {
        dst[at++] = (byte) text.charAt(i); // ASCII: digits, '-' and '.'
      }
      return at;
    }
    // Every flow record has three of these: plain digits, no BigDecimal.
    at = Digits.put(dst, at, nanos / NANOS_PER_SECOND);
    dst[at] = '.';
    putFraction(dst, at + 1, (int) (nanos % NANOS_PER_SECOND));
    return at + 1 + digits;
  }

  /**
   * The pattern {@code uuuu-MM-dd'T'HH:mm:ss} written out by hand: DateTimeFormatter costs
   * microseconds, and every flow record has two timestamps. A long of nanoseconds spans the years
   * 1677 to 2262, so the year always has four digits.
   */
  private int put(byte[] dst, int at, long epochNanos, char separator, boolean zulu) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
    putDate(dst, at, (int) Math.floorDiv(seconds, SECONDS_PER_DAY));
    int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    dst[at + 10] = (byte) separator;
    Digits.putPadded(dst, at + 11, second / 3600, 2);
    dst[at + 13] = ':';
    Digits.putPadded(dst, at + 14, second / 60 % 60, 2);
    dst[at + 16] = ':';
    Digits.putPadded(dst, at + 17, second % 60, 2);
    dst[at + 19] = '.';
    putFraction(dst, at + 20, nanos);
    int end = at + 20 + digits;
    if (zulu) {
      dst[end++] = 'Z';
    }
    return end;
  }

  /**
   * {@code uuuu-MM-dd} of a day since 1970-01-01 in the proleptic Gregorian calendar, as
   * LocalDate.ofEpochDay counts (H. Hinnant's civil_from_days), without the objects.
   */
  private static void putDate(byte[] dst, int at, int epochDay) {
    int shifted = epochDay + 719_468; // days since 0000-03-01: leap days fall at the end of a year
    int era = Math.floorDiv(shifted, 146_097);
    int dayOfEra = shifted - era * 146_097;
    int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    Digits.putPadded(dst, at, yearOfEra + era * 400 + (month <= 2 ? 1 : 0), 4);
    dst[at + 4] = '-';
    Digits.putPadded(dst, at + 5, month, 2);
    dst[at + 7] = '-';
    Digits.putPadded(dst, at + 8, dayOfYear - (153 * monthFromMarch + 2) / 5 + 1, 2);
  }

  /** The first {@link #digits} of the nine-digit nanosecond fraction, truncated. */
  private void putFraction(byte[] dst, int at, int nanos) {
    // Five of these per flow record: dividing by a constant is a multiplication, by a table entry a division.
    int fraction = digits == 9 ? nanos : digits == 6 ? nanos / 1_000 : nanos / POWERS_OF_TEN[9 - digits];
    Digits.putPadded(dst, at, fraction, digits);
  }

  private static String ascii(byte[] text, int length) {
    return new String(text, 0, length, StandardCharsets.US_ASCII);
  }
}
