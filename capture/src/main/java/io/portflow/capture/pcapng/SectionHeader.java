package io.portflow.capture.pcapng;

import io.portflow.capture.io.Bytes;

/**
 * The fixed part of a Section Header Block.
 *
 * @param bigEndian byte order of every block in the section, from the byte-order magic
 * @param versionMajor 1 for every pcapng written so far
 * @param versionMinor 0, or 2 from some writers (the same format)
 */
record SectionHeader(boolean bigEndian, int versionMajor, int versionMinor) {
  /** Block header (8) + byte-order magic (4) + versions (4) + section length (8) + trailer (4). */
  static final int MIN_BLOCK_SIZE = 28;
  /** Bytes needed to learn the byte order: block type, total length, byte-order magic. */
  static final int ORDER_PREFIX = 12;

  /**
   * The byte order announced by the magic at {@code start + 8}.
   *
   * @return {@link Boolean#TRUE} for big-endian, FALSE for little-endian, null for an unknown magic
   */
  static Boolean byteOrder(byte[] b, int start) {
    int magic = Bytes.magic(b, start + 8);
    if (magic == BlockType.BYTE_ORDER_MAGIC) {
      return Boolean.TRUE;
    }
    return magic == Integer.reverseBytes(BlockType.BYTE_ORDER_MAGIC) ? Boolean.FALSE : null;
  }

  /** Decodes the fixed part; the caller checked the byte order and a length of {@link #MIN_BLOCK_SIZE}. */
  static SectionHeader decode(byte[] b, int start, boolean bigEndian) {
    return new SectionHeader(
        bigEndian, Bytes.u16(b, start + 12, bigEndian), Bytes.u16(b, start + 14, bigEndian));
  }

  /** libpcap reads 1.0 and 1.2 (the same format) and refuses the rest. */
  boolean supported() {
    return versionMajor == 1 && (versionMinor == 0 || versionMinor == 2);
  }

  String version() {
    return versionMajor + "." + versionMinor;
  }
}
