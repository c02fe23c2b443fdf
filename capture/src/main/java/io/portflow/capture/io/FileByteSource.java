package io.portflow.capture.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads a file through its channel; skipping moves the position instead of reading. */
public final class FileByteSource implements ByteSource {
  private final FileChannel channel;
  /** Wraps the last target array, so a read allocates nothing while the array stays the same. */
  private ByteBuffer window = ByteBuffer.allocate(0);

  public FileByteSource(FileChannel channel) {
    this.channel = channel;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!window.hasArray() || window.array() != target) {
      window = ByteBuffer.wrap(target);
    }
    window.limit(offset + length).position(offset);
    int n;
    do {
      n = channel.read(window);
    } while (n == 0);
    return n;
  }

  @Override
  public long skip(long count) throws IOException {
    long position = channel.position();
    long skipped = Math.max(0, Math.min(count, channel.size() - position));
    channel.position(position + skipped);
    return skipped;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
