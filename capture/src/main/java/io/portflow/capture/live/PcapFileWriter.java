package io.portflow.capture.live;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes frames to a classic pcap file (libpcap's format, host byte order, as {@code tcpdump -w}
 * writes it). Each record keeps the frame's wire length even when the snaplen cut the frame:
 * pcap4j's {@code PcapDumper.dumpRaw} writes the captured length in both fields, which would make
 * a re-read count fewer bytes than the live capture did.
 */
final class PcapFileWriter implements Closeable {
  static final int MAGIC_MICROS = 0xa1b2c3d4;
  static final int MAGIC_NANOS = 0xa1b23c4d;
  private static final int FILE_HEADER_LENGTH = 24;
  private static final int RECORD_HEADER_LENGTH = 16;

  private final Path path;
  private final OutputStream out;
  private final boolean nanos;
  private final ByteBuffer recordHeader =
      ByteBuffer.allocate(RECORD_HEADER_LENGTH).order(ByteOrder.nativeOrder());

  private PcapFileWriter(Path path, OutputStream out, boolean nanos) {
    this.path = path;
    this.out = out;
    this.nanos = nanos;
  }

  /** Creates (or truncates) {@code path} and writes the file header. */
  static PcapFileWriter create(Path path, int linkType, int snaplen, boolean nanos) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    PcapFileWriter writer = new PcapFileWriter(path, out, nanos);
    try {
      out.write(fileHeader(linkType, snaplen, nanos));
    } catch (IOException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  static byte[] fileHeader(int linkType, int snaplen, boolean nanos) {
    return ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.nativeOrder())
        .putInt(nanos ? MAGIC_NANOS : MAGIC_MICROS)
        .putShort((short) 2)
        .putShort((short) 4)
        .putInt(0) // thiszone: timestamps are UTC
        .putInt(0) // sigfigs
        .putInt(snaplen)
        .putInt(linkType)
        .array();
  }

  /** Appends one record; {@code timestampNanos} is nanoseconds since the epoch. */
  void write(long timestampNanos, byte[] data, int offset, int capturedLength, int wireLength)
      throws IOException {
    long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
    long fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
    recordHeader.clear();
    recordHeader.putInt((int) seconds)
        .putInt((int) (nanos ? fraction : fraction / 1000))
        .putInt(capturedLength)
        .putInt(wireLength);
    out.write(recordHeader.array(), 0, RECORD_HEADER_LENGTH);
    out.write(data, offset, capturedLength);
  }

  /** Pushes buffered records to the file, so that a reader sees them while the capture runs. */
  void flush() throws IOException {
    out.flush();
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
