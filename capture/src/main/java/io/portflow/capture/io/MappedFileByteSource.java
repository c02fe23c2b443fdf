package io.portflow.capture.io;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file through memory mappings of {@link #WINDOW} bytes, one at a time: a read copies from
 * the mapping into the caller's array, once, where {@code FileChannel.read} into a heap array copies
 * twice (the kernel into a direct buffer, that into the array); for a gigabyte from the page cache
 * that measured a third of the CPU time. Each window is unmapped as soon as reading leaves it, so
 * resident memory does not grow with the file, and the channel's position follows the reads, so
 * that anyone watching the file offset sees progress. A file that grows while it is read is read
 * to its new end; one cut short while mapped fails the read with an {@link IOException}.
 */
public final class MappedFileByteSource implements ByteSource {
  /** Bytes mapped at once. */
  static final long WINDOW = 16L << 20;
  /** Smaller files are read with {@link FileByteSource}: mapping them gains nothing. */
  private static final long MIN_SIZE = 2L << 20;
  private static final Unmapper UNMAPPER = Unmapper.find();

  private final FileChannel channel;
  private MappedByteBuffer window;
  /** File offset of {@code window}'s first byte. */
  private long windowStart;
  /** File offset of the next byte to read. */
  private long position;

  private MappedFileByteSource(FileChannel channel, long position) {
    this.channel = channel;
    this.position = position;
  }

  /**
   * A mapped source for {@code channel} when that pays (a large enough regular file, and a JDK
   * that can unmap explicitly); otherwise a {@link FileByteSource}.
   */
  public static ByteSource open(FileChannel channel) throws IOException {
    if (UNMAPPER == null || channel.size() < MIN_SIZE) {
      return new FileByteSource(channel);
    }
    return new MappedFileByteSource(channel, channel.position());
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if ((window == null || !window.hasRemaining()) && !mapNext()) {
      return -1;
    }
    int n = Math.min(length, window.remaining());
    try {
      window.get(target, offset, n);
    } catch (InternalError e) {
      // The JVM's report of a SIGBUS: the mapped part of the file is gone.
      throw new IOException("file cut short while being read, at byte " + position, e);
    }
    position += n;
    channel.position(position);
    return n;
  }

  @Override
  public long skip(long count) throws IOException {
    long skipped = Math.max(0, Math.min(count, channel.size() - position));
    position += skipped;
    if (window != null && position >= windowStart && position < windowStart + window.limit()) {
      window.position((int) (position - windowStart));
    } else {
      unmap();
    }
    channel.position(position);
    return skipped;
  }

  /** Maps the window holding {@link #position}, if the file has bytes there. */
  private boolean mapNext() throws IOException {
    unmap();
    long size = channel.size();
    if (position >= size) {
      return false;
    }
    windowStart = position;
    window = channel.map(FileChannel.MapMode.READ_ONLY, windowStart, Math.min(WINDOW, size - windowStart));
    return true;
  }

  private void unmap() {
    if (window != null) {
      UNMAPPER.unmap(window);
      window = null;
    }
  }

  @Override
  public void close() throws IOException {
    unmap();
    channel.close();
  }

  /**
   * {@code sun.misc.Unsafe.invokeCleaner}, the JDK's way to unmap a buffer now rather than when
   * the collector finds it (jdk.unsupported, present in every full JDK and JRE). Without it the
   * mappings of a large file would pile up in resident memory, so the mapped source is not used.
   */
  private static final class Unmapper {
    private final Object unsafe;
    private final Method invokeCleaner;

    private Unmapper(Object unsafe, Method invokeCleaner) {
      this.unsafe = unsafe;
      this.invokeCleaner = invokeCleaner;
    }

    static Unmapper find() {
      try {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        return new Unmapper(field.get(null), type.getMethod("invokeCleaner", ByteBuffer.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    void unmap(MappedByteBuffer buffer) {
      try {
        invokeCleaner.invoke(unsafe, buffer);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot unmap a capture file window", e);
      }
    }
  }
}
