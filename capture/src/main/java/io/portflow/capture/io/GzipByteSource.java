package io.portflow.capture.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The uncompressed content of a gzip file (several concatenated members read as one stream).
 * Broken compressed data surfaces as {@link CorruptInputException}.
 */
public final class GzipByteSource implements ByteSource {
  private static final int INFLATE_BUFFER = 64 * 1024;

  private final GZIPInputStream in;
  private byte[] discard;

  /**
   * @param compressed the raw file, positioned at the gzip magic
   * @throws CorruptInputException when the gzip header itself is broken
   */
  public GzipByteSource(InputStream compressed) throws IOException {
    try {
      this.in = new GZIPInputStream(compressed, INFLATE_BUFFER);
    } catch (ZipException | EOFException e) {
      compressed.close();
      throw corrupt(e);
    }
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    try {
      int n;
      do {
        n = in.read(target, offset, length);
      } while (n == 0);
      return n;
    } catch (ZipException | EOFException e) {
      throw corrupt(e);
    }
  }

  @Override
  public long skip(long count) throws IOException {
    if (discard == null) {
      discard = new byte[INFLATE_BUFFER];
    }
    long skipped = 0;
    while (skipped < count) {
      int n = read(discard, 0, (int) Math.min(discard.length, count - skipped));
      if (n < 0) {
        break;
      }
      skipped += n;
    }
    return skipped;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static CorruptInputException corrupt(IOException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CorruptInputException("corrupt gzip data (" + detail + ")", e);
  }
}
