package io.portflow.cli.output.json;

import java.nio.charset.StandardCharsets;

/** Decimal digits of integers written as ASCII into a byte array, without a String between. */
public final class Digits {
  /** "-9223372036854775808": the longest a long gets. */
  public static final int MAX_LONG_LENGTH = 20;

  private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  private static final int[] INT_POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};
  /** "00" to "99": two digits per division. */
  private static final byte[] PAIRS = pairs();

  private Digits() {}

  private static byte[] pairs() {
    byte[] pairs = new byte[200];
    for (int i = 0; i < 100; i++) {
      pairs[2 * i] = (byte) ('0' + i / 10);
      pairs[2 * i + 1] = (byte) ('0' + i % 10);
    }
    return pairs;
  }

  /**
   * {@code value} as {@link Long#toString(long)} writes it, at {@code at}.
   *
   * @return the index after the last digit
   */
  public static int put(byte[] dst, int at, long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) { // has no positive counterpart
        System.arraycopy(MIN_LONG, 0, dst, at, MIN_LONG.length);
        return at + MIN_LONG.length;
      }
      dst[at++] = '-';
      value = -value;
    }
    if (value <= Integer.MAX_VALUE) { // ports, counts, seconds: int arithmetic is cheaper
      int end = at + count((int) value);
      putBackwards(dst, end, (int) value);
      return end;
    }
    int end = at + count(value);
    int i = end;
    while (value > Integer.MAX_VALUE) {
      long q = value / 100;
      int pair = (int) (value - q * 100) << 1;
      dst[--i] = PAIRS[pair + 1];
      dst[--i] = PAIRS[pair];
      value = q;
    }
    putBackwards(dst, i, (int) value);
    return end;
  }

  /** {@code value} (not negative) as exactly {@code width} digits, zero-padded on the left. */
  public static void putPadded(byte[] dst, int at, int value, int width) {
    int i = at + width;
    while (i - at >= 2) {
      int q = value / 100;
      int pair = (value - q * 100) << 1;
      dst[--i] = PAIRS[pair + 1];
      dst[--i] = PAIRS[pair];
      value = q;
    }
    if (i > at) {
      dst[--i] = (byte) ('0' + value % 10);
    }
  }

  /** The digits of {@code value} (not negative), the last just before {@code end}. */
  private static void putBackwards(byte[] dst, int end, int value) {
    int i = end;
    while (value >= 100) {
      int q = value / 100;
      int pair = (value - q * 100) << 1;
      dst[--i] = PAIRS[pair + 1];
      dst[--i] = PAIRS[pair];
      value = q;
    }
    if (value >= 10) {
      int pair = value << 1;
      dst[--i] = PAIRS[pair + 1];
      dst[--i] = PAIRS[pair];
    } else {
      dst[--i] = (byte) ('0' + value);
    }
  }

  /** Digits of a value that is not negative, from its bit length: no loop. */
  private static int count(int value) {
    int log2 = 31 - Integer.numberOfLeadingZeros(value | 1);
    int digits = (log2 * 1233 >> 12) + 1; // 1233 / 4096 is just above log10(2)
    return digits < 10 && value >= INT_POWERS_OF_TEN[digits] ? digits + 1 : digits;
  }

  private static int count(long value) {
    int digits = 1;
    for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    return digits;
  }
}
