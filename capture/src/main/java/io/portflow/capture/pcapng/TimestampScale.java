package io.portflow.capture.pcapng;

import io.portflow.capture.TimestampResolution;

/**
 * Turns an interface's 64-bit timestamp ticks into nanoseconds, for the resolution its
 * {@code if_tsresol} option gives: 10^-n seconds (bit 7 clear) or 2^-n seconds (bit 7 set).
 * Results are exact (floor) for every resolution, including 2^-n with n above 34 where libpcap's
 * own 64-bit arithmetic overflows.
 */
final class TimestampScale {
  /** Microseconds, the default when an interface has no {@code if_tsresol}. */
  static final TimestampScale MICROSECONDS = new TimestampScale(Kind.MULTIPLY, 1_000, 0);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int BINARY_FLAG = 0x80;
  /** 2^-20 s (0.95 us) is the coarsest binary resolution finer than a microsecond. */
  private static final int FIRST_SUB_MICROSECOND_SHIFT = 20;

  private enum Kind { MULTIPLY, DIVIDE, BINARY }

  private final Kind kind;
  /** Multiplier (MULTIPLY) or divisor (DIVIDE). */
  private final long factor;
  /** n of 2^-n (BINARY). */
  private final int shift;

  private TimestampScale(Kind kind, long factor, int shift) {
    this.kind = kind;
    this.factor = factor;
    this.shift = shift;
  }

  /**
   * @param tsresol the option's byte
   * @return null when the resolution is finer than 64-bit ticks can hold (10^-19, 2^-63), as libpcap rejects it
   */
  static TimestampScale of(int tsresol) {
    int exponent = tsresol & 0x7f;
    if ((tsresol & BINARY_FLAG) != 0) {
      return exponent > 63 ? null : new TimestampScale(Kind.BINARY, 0, exponent);
    }
    if (exponent > 19) {
      return null;
    }
    if (exponent <= 9) {
      return new TimestampScale(Kind.MULTIPLY, pow10(9 - exponent), 0);
    }
    return new TimestampScale(Kind.DIVIDE, pow10(exponent - 9), 0);
  }

  /** Human form of an if_tsresol byte for messages: "10^-20" or "2^-64". */
  static String describe(int tsresol) {
    return ((tsresol & BINARY_FLAG) != 0 ? "2^-" : "10^-") + (tsresol & 0x7f);
  }

  /**
   * NANOSECONDS when a tick is shorter than a microsecond (10^-7 and finer, 2^-20 and finer), so
   * timestamps carry digits a microsecond output would drop.
   */
  TimestampResolution resolution() {
    boolean finer;
    switch (kind) {
      case MULTIPLY:
        finer = factor < 1_000;
        break;
      case DIVIDE:
        finer = true;
        break;
      default:
        finer = shift >= FIRST_SUB_MICROSECOND_SHIFT;
    }
    return finer ? TimestampResolution.NANOSECONDS : TimestampResolution.MICROSECONDS;
  }

  /** @param ticks unsigned count of resolution units since the epoch (plus if_tsoffset) */
  long toNanos(long ticks) {
    switch (kind) {
      case MULTIPLY:
        return ticks * factor;
      case DIVIDE:
        return Long.divideUnsigned(ticks, factor);
      default:
        return binaryToNanos(ticks);
    }
  }

  /** floor(ticks * 10^9 / 2^shift) with a 128-bit intermediate product. */
  private long binaryToNanos(long ticks) {
    long low = ticks * NANOS_PER_SECOND;
    if (shift == 0) {
      return low;
    }
    long high = Math.multiplyHigh(ticks, NANOS_PER_SECOND) + ((ticks >> 63) & NANOS_PER_SECOND);
    return (high << (64 - shift)) | (low >>> shift);
  }

  private static long pow10(int n) {
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }
}
