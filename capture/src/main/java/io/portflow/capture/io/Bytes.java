package io.portflow.capture.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads fixed-width fields at absolute indexes of a byte array, in either byte order. The files
 * say their order once (magic number), so callers pass a {@code bigEndian} flag that the branch
 * predictor learns on the first record.
 */
public final class Bytes {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  public static int u16(byte[] b, int index, boolean bigEndian) {
    short v = (short) SHORT_LE.get(b, index);
    return (bigEndian ? Short.reverseBytes(v) : v) & 0xffff;
  }

  public static int i32(byte[] b, int index, boolean bigEndian) {
    int v = (int) INT_LE.get(b, index);
    return bigEndian ? Integer.reverseBytes(v) : v;
  }

  public static long u32(byte[] b, int index, boolean bigEndian) {
    return i32(b, index, bigEndian) & 0xffffffffL;
  }

  /**
   * Two consecutive unsigned 32-bit fields in one read: the first in the low half of the result,
   * the second in the high half.
   */
  public static long u32Pair(byte[] b, int index, boolean bigEndian) {
    long v = (long) LONG_LE.get(b, index);
    // Reversing all eight bytes reverses each field's bytes and swaps the fields; rotating swaps them back.
    return bigEndian ? Long.rotateLeft(Long.reverseBytes(v), 32) : v;
  }

  public static long i64(byte[] b, int index, boolean bigEndian) {
    long v = (long) LONG_LE.get(b, index);
    return bigEndian ? Long.reverseBytes(v) : v;
  }

  /** The first four bytes at {@code index} as one big-endian number, the way magics are written. */
  public static int magic(byte[] b, int index) {
    return i32(b, index, true);
  }

  /** {@code 0x%08x} of a magic or code, the way error messages show them. */
  public static String hex32(long value) {
    return String.format("0x%08x", value & 0xffffffffL);
  }
}
