package io.portflow.analyze.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Network-order reads at absolute offsets. Callers check bounds before reading. */
final class Bytes {
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Bytes() {}

  static int u8(byte[] data, int index) {
    return data[index] & 0xff;
  }

  static int u16(byte[] data, int index) {
    return (data[index] & 0xff) << 8 | (data[index + 1] & 0xff);
  }

  static int i32(byte[] data, int index) {
    return (int) INT_BE.get(data, index);
  }

  static long i64(byte[] data, int index) {
    return (long) LONG_BE.get(data, index);
  }
}
