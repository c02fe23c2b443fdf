package io.portflow.capture.io;

import java.io.Closeable;
import java.io.IOException;

/** A forward-only stream of bytes: a file, or the uncompressed content of a gzip file. */
public interface ByteSource extends Closeable {
  /**
   * Reads up to {@code length} bytes into {@code target}.
   *
   * @return the number of bytes read, at least 1, or -1 at the end of the input
   * @throws CorruptInputException when compressed data cannot be decoded
   */
  int read(byte[] target, int offset, int length) throws IOException;

  /**
   * Skips up to {@code count} bytes.
   *
   * @return the number of bytes skipped; less than {@code count} only at the end of the input
   */
  long skip(long count) throws IOException;
}
