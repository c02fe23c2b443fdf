package io.portflow.capture.pcapng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.capture.TimestampResolution;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TimestampScaleTest {
  private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);

  /** floor(ticks / 2^n * 10^9) computed with big integers, ticks unsigned. */
  private static long exactBinary(long ticks, int n) {
    BigInteger t = new BigInteger(Long.toUnsignedString(ticks));
    return t.multiply(NANOS).shiftRight(n).longValue();
  }

  @Test
  void defaultIsMicroseconds() {
    assertEquals(1_500_000_000L, TimestampScale.MICROSECONDS.toNanos(1_500_000));
  }

  @Test
  void powerOfTwo_isExactWhere64BitProductsOverflow() {
    long[] samples = {0, 1, 12345, 1L << 40, (1L << 62) + 12345, -1L, 0x8000_0000_0000_0001L};
    for (int n : new int[] {1, 10, 20, 30, 34, 35, 40, 48, 63}) {
      TimestampScale scale = TimestampScale.of(0x80 | n);
      for (long ticks : samples) {
        assertEquals(exactBinary(ticks, n), scale.toNanos(ticks), "2^-" + n + " ticks " + ticks);
      }
    }
  }

  @Test
  void powerOfTen_finerThanNanoseconds_roundsDown() {
    assertEquals(1_234_567_890L, TimestampScale.of(12).toNanos(1_234_567_890_999L));
    assertEquals(Long.divideUnsigned(-1L, 10_000_000_000L), TimestampScale.of(19).toNanos(-1L));
  }

  @Test
  void resolution_nanosecondsOnlyWhenATickIsShorterThanAMicrosecond() {
    assertEquals(TimestampResolution.MICROSECONDS, TimestampScale.MICROSECONDS.resolution());
    for (int micros : new int[] {0, 3, 6, 0x80, 0x8a, 0x93}) {
      assertEquals(TimestampResolution.MICROSECONDS, TimestampScale.of(micros).resolution(), TimestampScale.describe(micros));
    }
    for (int nanos : new int[] {7, 9, 12, 19, 0x94, 0x9e, 0x80 | 63}) {
      assertEquals(TimestampResolution.NANOSECONDS, TimestampScale.of(nanos).resolution(), TimestampScale.describe(nanos));
    }
  }

  @Test
  void tooFine_isRefused() {
    assertNull(TimestampScale.of(20));
    assertNull(TimestampScale.of(0x80 | 64));
  }

  @Test
  void describe() {
    assertEquals("10^-9", TimestampScale.describe(9));
    assertEquals("2^-20", TimestampScale.describe(0x94));
  }
}
