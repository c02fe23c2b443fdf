package io.portflow.capture.pcapng;

import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.io.Bytes;

/**
 * Decodes an Interface Description Block: link type, snapshot length, and the two options that
 * change timestamps ({@code if_tsresol}, {@code if_tsoffset}). Options are checked the way libpcap
 * checks them, so a file one reader refuses the other refuses too.
 */
final class InterfaceBlockDecoder {
  /** Block header (8) + link type (2) + reserved (2) + snaplen (4). */
  static final int FIXED_SIZE = 16;
  static final int MIN_BLOCK_SIZE = FIXED_SIZE + 4;

  private static final int OPT_ENDOFOPT = 0;
  private static final int IF_TSRESOL = 9;
  private static final int IF_TSOFFSET = 14;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private InterfaceBlockDecoder() {}

  /**
   * @param start index of the block's first byte; the whole block is in {@code b}
   * @param totalLength the block's total length, already checked to be at least {@link #MIN_BLOCK_SIZE}
   */
  static InterfaceDescription decode(byte[] b, int start, int totalLength, boolean bigEndian)
      throws MalformedBlockException {
    int linkType = LinkTypeRules.canonical(Bytes.u16(b, start + 8, bigEndian));
    long snaplen = Bytes.u32(b, start + 12, bigEndian);
    TimestampScale scale = null;
    Long offsetSeconds = null;
    int end = start + totalLength - 4;
    int p = start + FIXED_SIZE;
    while (p < end) {
      if (end - p < 4) {
        throw new MalformedBlockException("option header cut off by the end of the block: "
            + (end - p) + " of 4 bytes present (expected: 4)");
      }
      int code = Bytes.u16(b, p, bigEndian);
      int length = Bytes.u16(b, p + 2, bigEndian);
      int padded = (length + 3) & ~3;
      if (padded > end - p - 4) {
        throw new MalformedBlockException("option " + code + " with length " + length
            + " runs past the end of the block (expected: at most " + (end - p - 4) + ")");
      }
      int value = p + 4;
      if (code == OPT_ENDOFOPT) {
        break;
      } else if (code == IF_TSRESOL) {
        scale = tsresol(b, value, length, scale);
      } else if (code == IF_TSOFFSET) {
        if (length != 8 || offsetSeconds != null) {
          throw new MalformedBlockException(offsetSeconds != null
              ? "more than one if_tsoffset option (expected: at most one)"
              : "if_tsoffset option with length " + length + " (expected: 8)");
        }
        offsetSeconds = Bytes.i64(b, value, bigEndian);
      }
      p = value + padded;
    }
    return new InterfaceDescription(
        linkType,
        LinkTypeRules.snapshot(linkType, snaplen),
        scale == null ? TimestampScale.MICROSECONDS : scale,
        offsetSeconds == null ? 0 : offsetSeconds * NANOS_PER_SECOND);
  }

  private static TimestampScale tsresol(byte[] b, int value, int length, TimestampScale seen)
      throws MalformedBlockException {
    if (seen != null) {
      throw new MalformedBlockException("more than one if_tsresol option (expected: at most one)");
    }
    if (length != 1) {
      throw new MalformedBlockException("if_tsresol option with length " + length + " (expected: 1)");
    }
    int code = b[value] & 0xff;
    TimestampScale scale = TimestampScale.of(code);
    if (scale == null) {
      throw new MalformedBlockException("if_tsresol " + TimestampScale.describe(code)
          + " is finer than 64-bit timestamps can count (expected: at most 10^-19 or 2^-63)");
    }
    return scale;
  }
}
