package io.portflow.capture.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a little-endian microsecond pcap file (Ethernet) through one large buffer. */
final class PcapOut implements Closeable {
  static final int FILE_HEADER = 24;
  static final int RECORD_HEADER = 16;
  private static final int MAGIC_MICROS = 0xa1b2c3d4;
  private static final int SNAPLEN = 262144;
  private static final int LINKTYPE_ETHERNET = 1;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(8 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  PcapOut(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    buffer.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
        .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
    written = FILE_HEADER;
  }

  /** Bytes in the file once everything buffered is written. */
  long size() {
    return written;
  }

  void record(long timestampNanos, byte[] frame, int length) throws IOException {
    if (buffer.remaining() < RECORD_HEADER + length) {
      drain();
    }
    buffer.putInt((int) (timestampNanos / 1_000_000_000L))
        .putInt((int) (timestampNanos % 1_000_000_000L / 1000))
        .putInt(length)
        .putInt(length)
        .put(frame, 0, length);
    written += RECORD_HEADER + length;
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      channel.close();
    }
  }
}
