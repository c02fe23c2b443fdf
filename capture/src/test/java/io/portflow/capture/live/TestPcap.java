package io.portflow.capture.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Just enough of a pcap reader to compare files in tests (the real readers live elsewhere). */
final class TestPcap {
  /** One captured frame; {@code data} is a private copy. */
  record Frame(long timestampNanos, int linkType, int wireLength, byte[] data) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Frame f && f.timestampNanos == timestampNanos && f.linkType == linkType
          && f.wireLength == wireLength && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(timestampNanos) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Frame[ts=" + timestampNanos + " wire=" + wireLength + " caplen=" + data.length + "]";
    }
  }

  record File(int linkType, int snaplen, boolean nanos, List<Frame> frames) {}

  private TestPcap() {}

  static File read(Path path) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt(0);
    if (magic != PcapFileWriter.MAGIC_MICROS && magic != PcapFileWriter.MAGIC_NANOS) {
      b.order(ByteOrder.BIG_ENDIAN);
      magic = b.getInt(0);
    }
    boolean nanos = magic == PcapFileWriter.MAGIC_NANOS;
    if (!nanos && magic != PcapFileWriter.MAGIC_MICROS) {
      throw new IOException(path + ": not a pcap file: magic 0x" + Integer.toHexString(magic));
    }
    int snaplen = b.getInt(16);
    int linkType = b.getInt(20);
    List<Frame> frames = new ArrayList<>();
    int offset = 24;
    while (offset + 16 <= b.limit()) {
      long seconds = b.getInt(offset) & 0xffffffffL;
      long fraction = b.getInt(offset + 4) & 0xffffffffL;
      int capLen = b.getInt(offset + 8);
      int wireLen = b.getInt(offset + 12);
      if (offset + 16 + capLen > b.limit()) break; // tcpdump killed mid-record
      byte[] data = Arrays.copyOfRange(b.array(), offset + 16, offset + 16 + capLen);
      frames.add(new Frame(seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000), linkType, wireLen, data));
      offset += 16 + capLen;
    }
    return new File(linkType, snaplen, nanos, frames);
  }
}
