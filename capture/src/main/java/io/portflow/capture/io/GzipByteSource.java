package io.portflow.capture.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The uncompressed content of a gzip file (several concatenated members read as one stream).
 * Broken compressed data surfaces as {@link CorruptInputException}, but only after every byte that
 * decompressed before the break has been handed out: the records before the damage stay readable.
 */
public final class GzipByteSource implements ByteSource {
  private static final int INFLATE_BUFFER = 64 * 1024;

  private final SalvagingStream in;
  private CorruptInputException failure;
  private byte[] discard;

  /**
   * @param compressed the raw file, positioned at the gzip magic
   * @throws CorruptInputException when the gzip header itself is broken
   */
  public GzipByteSource(InputStream compressed) throws IOException {
    try {
      this.in = new SalvagingStream(compressed);
    } catch (ZipException | EOFException e) {
      compressed.close();
      throw corrupt(e);
    }
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
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
      failure = corrupt(e);
      int salvaged = in.salvaged;
      if (salvaged > 0) {
        return salvaged;  // the failure is thrown by the next read
      }
      throw failure;
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
    String what = e instanceof EOFException ? "gzip data cut off" : "corrupt gzip data";
    return new CorruptInputException(what + ": " + detail + " (expected: "
        + (e instanceof EOFException ? "the rest of the gzip stream" : "a valid gzip stream") + ")", e);
  }

  /**
   * A gzip stream that remembers how many bytes the read that failed had already decompressed
   * into the caller's array: the JDK's inflater counts them ({@code getBytesWritten()}) even when
   * it then throws, but {@link GZIPInputStream} drops them with the exception.
   */
  private static final class SalvagingStream extends GZIPInputStream {
    /** Bytes of the failed read's output that are valid. */
    int salvaged;
    private IOException counted;

    SalvagingStream(InputStream compressed) throws IOException {
      super(compressed, INFLATE_BUFFER);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long before = inf.getBytesWritten();
      try {
        return super.read(b, off, len);
      } catch (ZipException | EOFException e) {
        // GZIPInputStream calls read again for the next member after resetting the inflater: only
        // the innermost call, where the failure happened, can count.
        if (e != counted) {
          counted = e;
          long written = inf.getBytesWritten() - before;
          salvaged = written > 0 && written <= len ? (int) written : 0;
        }
        throw e;
      }
    }
  }
}
