package io.portflow.cli.output.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  void put_edgeValues_asJackson() throws IOException {
    List<Long> values = new ArrayList<>(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE));
    for (long p = 10; p > 0; p *= 10) { // until it overflows
      values.addAll(List.of(p - 1, p, p + 1, -p + 1, -p, -p - 1));
    }
    byte[] dst = new byte[Digits.MAX_LONG_LENGTH];
    for (long value : values) {
      int end = Digits.put(dst, 0, value);
      assertArrayEquals(JacksonBytes.of(g -> g.writeNumber(value)), Arrays.copyOf(dst, end), "" + value);
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
