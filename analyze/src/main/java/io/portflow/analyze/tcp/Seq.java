package io.portflow.analyze.tcp;

/** 32-bit TCP sequence arithmetic that survives wraparound (RFC 1982 style, as Zeek's seq_delta). */
final class Seq {
  static final long MASK = 0xffffffffL;

  private Seq() {}

  /** Signed distance from b to a in the 32-bit sequence space: positive when a is after b. */
  static int delta(long a, long b) {
    return (int) (a - b);
  }

  /** The value as an unsigned 32-bit sequence number in a long. */
  static long u32(long value) {
    return value & MASK;
  }
}
