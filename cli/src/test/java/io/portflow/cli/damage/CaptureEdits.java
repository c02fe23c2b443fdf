package io.portflow.cli.damage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts and edits real captures at computed offsets: where each pcap record or pcapng block starts,
 * a length field overwritten, a gzip stream broken after a given number of bytes. The sample
 * captures are all little-endian.
 */
final class CaptureEdits {
  static final Path ROOT = findRoot();

  private static final int PCAP_HEADER = 24;
  private static final int PCAP_RECORD_HEADER = 16;
  /** Deflate block header bits BFINAL=1, BTYPE=11: a block type that does not exist. */
  private static final byte INVALID_DEFLATE_BLOCK = 0x07;

  private CaptureEdits() {}

  static byte[] sample(String name) {
    try {
      return Files.readAllBytes(ROOT.resolve("sample-pcaps").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Byte offset of every record of a little-endian pcap file, then the file's length. */
  static List<Integer> pcapRecords(byte[] pcap) {
    List<Integer> offsets = new ArrayList<>();
    int at = PCAP_HEADER;
    while (at < pcap.length) {
      offsets.add(at);
      at += PCAP_RECORD_HEADER + u32(pcap, at + 8);
    }
    if (at != pcap.length) {
      throw new IllegalArgumentException("not a whole pcap file: ends at " + pcap.length + ", not " + at);
    }
    offsets.add(at);
    return offsets;
  }

  /** Byte offset of every block of a little-endian pcapng file, then the file's length. */
  static List<Integer> pcapngBlocks(byte[] pcapng) {
    List<Integer> offsets = new ArrayList<>();
    int at = 0;
    while (at < pcapng.length) {
      offsets.add(at);
      at += u32(pcapng, at + 4);
    }
    offsets.add(at);
    return offsets;
  }

  /**
   * The pcap file with frame {@code i} (0-based) replaced by {@code edit.apply(i, frame)}; a shorter
   * frame gets a smaller captured length, the wire length stays.
   */
  static byte[] editFrames(byte[] pcap, FrameEdit edit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(pcap, 0, PCAP_HEADER);
    List<Integer> records = pcapRecords(pcap);
    for (int i = 0; i + 1 < records.size(); i++) {
      int at = records.get(i);
      byte[] frame = Arrays.copyOfRange(pcap, at + PCAP_RECORD_HEADER, records.get(i + 1));
      byte[] edited = edit.apply(i, frame);
      byte[] header = withU32(Arrays.copyOfRange(pcap, at, at + PCAP_RECORD_HEADER), 8, edited.length);
      out.writeBytes(header);
      out.writeBytes(edited);
    }
    return out.toByteArray();
  }

  /** Changes one frame of a capture, or returns it as it is. */
  interface FrameEdit {
    byte[] apply(int index, byte[] frame);
  }

  static int u32(byte[] b, int offset) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
  }

  /** A copy with the little-endian 32-bit field at {@code offset} set to {@code value}. */
  static byte[] withU32(byte[] b, int offset, long value) {
    byte[] copy = b.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
    return copy;
  }

  static byte[] cut(byte[] b, int length) {
    return Arrays.copyOf(b, length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A gzip file whose deflate stream holds the first {@code good} bytes of {@code plain}, flushed to
   * a byte boundary, then a block of a type that does not exist: a decompressor yields exactly those
   * bytes, then fails ("invalid block type").
   */
  static byte[] gzipBrokenAfter(byte[] plain, int good) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(plain, 0, good);
    byte[] buffer = new byte[plain.length + 1024];
    int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
    deflater.end();
    out.write(buffer, 0, n);
    out.writeBytes(new byte[] {INVALID_DEFLATE_BLOCK, 0, 0, 0, 0, 0, 0, 0});
    return out.toByteArray();
  }

  /** How many bytes a gzip stream yields before it ends or breaks. */
  static int gunzippedLength(byte[] gz) {
    int total = 0;
    byte[] buffer = new byte[1];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      while (in.read(buffer) > 0) {
        total++;
      }
    } catch (EOFException | java.util.zip.ZipException e) {
      // the break: what came before it counts
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  /** The last element of {@code offsets} that is at most {@code limit}. */
  static int lastAtMost(List<Integer> offsets, int limit) {
    int last = offsets.get(0);
    for (int offset : offsets) {
      if (offset <= limit) {
        last = offset;
      }
    }
    return last;
  }

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-pcaps")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no sample-pcaps/ above " + dir);
  }
}
