package io.portflow.cli.output.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitsTest {
  @Test
  void put_sameAsLongToString_atAnOffset() {
    SplittableRandom random = new SplittableRandom(3);
    byte[] dst = new byte[3 + Digits.MAX_LONG_LENGTH];
    long[] edges = {0, 9, 10, -9, -10, Long.MIN_VALUE, Long.MAX_VALUE, 999_999_999_999_999_999L,
        1_000_000_000_000_000_000L};
    for (int i = 0; i < edges.length + 100_000; i++) {
      long value = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
      int end = Digits.put(dst, 3, value);
      assertEquals(Long.toString(value), new String(dst, 3, end - 3, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void putPadded_zerosOnTheLeft() {
    byte[] dst = new byte[6];
    Digits.putPadded(dst, 1, 42, 4);
    assertEquals("0042", new String(dst, 1, 4, StandardCharsets.US_ASCII));
    Digits.putPadded(dst, 0, 0, 6);
    assertEquals("000000", new String(dst, StandardCharsets.US_ASCII));
  }
}
