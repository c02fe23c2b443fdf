package io.portflow.cli.output.json;

/** Decimal digits of integers written as ASCII into a byte array, without a String between. */
public final class Digits {
  /** "-9223372036854775808": the longest a long gets. */
  public static final int MAX_LONG_LENGTH = 20;

  private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes();

  private Digits() {}

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
    int end = at + count(value);
    for (int i = end - 1; i >= at; i--) {
      dst[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return end;
  }

  /** {@code value} (not negative) as exactly {@code width} digits, zero-padded on the left. */
  public static void putPadded(byte[] dst, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      dst[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** How many digits a value that is not negative has. */
  private static int count(long value) {
    int digits = 1;
    for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    return digits;
  }
}
