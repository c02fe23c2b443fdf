package io.portflow.capture.testing;

import io.portflow.capture.io.ByteSource;

/** Bytes in memory as a {@link ByteSource}, handed out in pieces of at most {@code chunk} bytes. */
public final class ArrayByteSource implements ByteSource {
  private final byte[] bytes;
  private final int chunk;
  private int position;

  /**
   * @param chunk the most one read returns: small chunks make the read buffer see its input
   *     arrive in pieces, as from a pipe or gzip
   */
  public ArrayByteSource(byte[] bytes, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk: " + chunk + " (expected: >= 1)");
    }
    this.bytes = bytes;
    this.chunk = chunk;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (position == bytes.length) {
      return -1;
    }
    int n = Math.min(Math.min(length, chunk), bytes.length - position);
    System.arraycopy(bytes, position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public long skip(long count) {
    long n = Math.min(count, bytes.length - position);
    position += (int) n;
    return n;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
