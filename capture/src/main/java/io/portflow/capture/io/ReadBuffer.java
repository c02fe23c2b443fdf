package io.portflow.capture.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * A sliding window over a {@link ByteSource}. Readers ask for the next {@code n} bytes with
 * {@link #request(int)} and decode them in place at absolute indexes of {@link #array()}; the
 * window only grows when one record is larger than it, and then only as the bytes arrive, so a
 * lying length field can never allocate more than twice the data really present.
 */
public final class ReadBuffer implements Closeable {
  private final ByteSource source;
  private byte[] buffer;
  /** Index of the next unread byte. */
  private int position;
  /** Index after the last byte read from the source. */
  private int limit;
  /** Stream offset of {@code buffer[0]}. */
  private long base;
  private boolean exhausted;

  public ReadBuffer(ByteSource source, int capacity) {
    if (capacity < 16) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 16)");
    }
    this.source = source;
    this.buffer = new byte[capacity];
  }

  /**
   * Makes {@code n} bytes available from {@link #position()}.
   *
   * @return false when the input ends first; {@link #available()} then tells how many bytes exist
   */
  public boolean request(int n) throws IOException {
    return limit - position >= n || fill(n);
  }

  private boolean fill(int n) throws IOException {
    if (buffer.length - position < n) {
      compact();
    }
    while (limit - position < n) {
      if (exhausted) {
        return false;
      }
      if (limit == buffer.length) {
        grow(n);
      }
      int read = source.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        exhausted = true;
      } else {
        limit += read;
      }
    }
    return true;
  }

  private void compact() {
    int remaining = limit - position;
    System.arraycopy(buffer, position, buffer, 0, remaining);
    base += position;
    position = 0;
    limit = remaining;
  }

  /** Only called when the window is full of real bytes: at most doubles what is present. */
  private void grow(int wanted) {
    int capacity = (int) Math.min(Math.max((long) wanted, 0L), 2L * buffer.length);
    capacity = Math.min(capacity, Integer.MAX_VALUE - 16);
    if (capacity <= buffer.length) {
      throw new IllegalStateException("cannot grow a " + buffer.length + "-byte window to " + wanted + " bytes");
    }
    byte[] bigger = new byte[capacity];
    System.arraycopy(buffer, position, bigger, 0, limit - position);
    base += position;
    limit -= position;
    position = 0;
    buffer = bigger;
  }

  /** Bytes available from {@link #position()} without reading. */
  public int available() {
    return limit - position;
  }

  /** The window; valid until the next {@link #request(int)} or {@link #skip(long)}. */
  public byte[] array() {
    return buffer;
  }

  /** Index in {@link #array()} of the next unread byte. */
  public int position() {
    return position;
  }

  /** Offset in the (uncompressed) stream of the next unread byte. */
  public long offset() {
    return base + position;
  }

  /** Consumes {@code n} bytes that {@link #request(int)} made available. */
  public void consume(int n) {
    if (n < 0 || n > limit - position) {
      throw new IllegalArgumentException("consume " + n + " (expected: 0 ~ " + (limit - position) + ")");
    }
    position += n;
  }

  /**
   * Skips {@code n} bytes, reading past the window when needed.
   *
   * @return the number of bytes skipped; less than {@code n} only at the end of the input
   */
  public long skip(long n) throws IOException {
    int inWindow = (int) Math.min(n, limit - position);
    position += inWindow;
    long rest = n - inWindow;
    if (rest == 0) {
      return n;
    }
    base += limit;
    position = 0;
    limit = 0;
    long skipped = exhausted ? 0 : source.skip(rest);
    base += skipped;
    return inWindow + skipped;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
