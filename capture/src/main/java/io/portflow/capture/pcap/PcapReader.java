package io.portflow.capture.pcap;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.format.CaptureErrors;
import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.format.RepeatedWarning;
import io.portflow.capture.io.Bytes;
import io.portflow.capture.io.CorruptInputException;
import io.portflow.capture.io.ReadBuffer;
import java.io.IOException;
import java.util.List;

/**
 * Streams the records of a pcap file. Each frame stays in the read buffer and is handed out by
 * index, so the hot path allocates nothing.
 *
 * <p>Record checks follow libpcap's {@code pcap_next_packet}: a captured length above the link
 * type's limit (262144 for most) is damage. One above the header's snapshot length but within the
 * limit is read in full and reported as a warning, as tshark reads it (libpcap cuts such a frame
 * to the snapshot length, losing bytes that are in the file). Timestamps: the 32-bit seconds field
 * is unsigned (files after 2038 stay right), and a fractional field of 10^9 ns or more carries into
 * the seconds instead of failing.
 */
public final class PcapReader implements FrameCursor {
  private final ReadBuffer in;
  private final String file;
  private final boolean compressed;
  private final PcapFileHeader header;
  private final boolean bigEndian;
  private final int recordHeaderSize;
  private final int nanosPerFraction;
  private final int maxCapturedLength;
  /** The header's answers about the version, worked out once: every record asks them. */
  private final boolean lengthsSwapped;
  private final boolean lengthsMaybeSwapped;
  private final CaptureInfo info;
  private final RepeatedWarning longerThanSnaplen = new RepeatedWarning("record");

  private long record;
  private boolean failed;
  private long timestampNanos;
  private int frameOffset;
  private int capturedLength;
  private int wireLength;

  private PcapReader(ReadBuffer in, String file, boolean compressed, PcapFileHeader header) {
    this.in = in;
    this.file = file;
    this.compressed = compressed;
    this.header = header;
    this.bigEndian = header.bigEndian();
    this.recordHeaderSize = header.variant().recordHeaderSize;
    this.nanosPerFraction = header.variant().nanosPerFraction;
    this.maxCapturedLength = LinkTypeRules.maxSnaplen(header.linkType());
    this.lengthsSwapped = header.lengthsSwapped();
    this.lengthsMaybeSwapped = header.lengthsMaybeSwapped();
    this.info = new CaptureInfo(file, header.variant().format(), compressed, List.of(header.linkType()),
        header.variant().resolution());
  }

  /**
   * Reads the file header. The caller checked that {@code in} starts with a pcap magic.
   *
   * @throws CaptureException NOT_A_CAPTURE when the header is cut off or unsupported
   */
  public static PcapReader open(ReadBuffer in, String file, boolean compressed) throws IOException {
    if (!in.request(PcapFileHeader.SIZE)) {
      throw CaptureErrors.notACapture(file, "pcap file header cut off: " + in.available() + " of "
          + PcapFileHeader.SIZE + " bytes present (expected: " + PcapFileHeader.SIZE + ")");
    }
    PcapFileHeader header = PcapFileHeader.decode(file, in.array(), in.position());
    in.consume(PcapFileHeader.SIZE);
    return new PcapReader(in, file, compressed, header);
  }

  public PcapFileHeader header() {
    return header;
  }

  @Override
  public boolean advance() throws IOException {
    if (failed) {
      return false;
    }
    long start = in.offset();
    try {
      return readRecord();
    } catch (CaptureException e) {
      failed = true;
      throw e;
    } catch (CorruptInputException e) {
      failed = true;
      throw damage(start, e.getMessage());
    } catch (IOException e) {
      failed = true;
      throw damage(start, "read error (" + e.getMessage() + ")");
    }
  }

  private boolean readRecord() throws IOException {
    long start = in.offset();
    record++;
    if (!in.request(recordHeaderSize)) {
      if (in.available() == 0) {
        record--;
        return false;
      }
      throw damage(start, "record header cut off: " + in.available() + " of " + recordHeaderSize
          + " bytes present (expected: " + recordHeaderSize + ", or none at the end of the file)");
    }
    byte[] b = in.array();
    int p = in.position();
    long time = Bytes.u32Pair(b, p, bigEndian);
    long lengths = Bytes.u32Pair(b, p + 8, bigEndian);
    long captured = lengths & 0xffffffffL;
    long original = lengths >>> 32;
    if (lengthsSwapped || (lengthsMaybeSwapped && captured > original)) {
      long t = captured;
      captured = original;
      original = t;
    }
    if (captured > maxCapturedLength) {
      throw damage(start, capturedTooLong(captured));
    }
    int size = recordHeaderSize + (int) captured;
    if (!in.request(size)) {
      throw damage(start, "packet data cut off: " + (in.available() - recordHeaderSize) + " of "
          + captured + " bytes present (expected: " + captured + ", the record's captured length)");
    }
    if (captured > header.snapshot()) {
      long length = captured;
      longerThanSnaplen.add(() -> CaptureErrors.at(file, compressed, "record", record, start)
          + "captured length " + length + " exceeds the snaplen (expected: at most "
          + header.snapshot() + "); read in full");
    }
    timestampNanos = (time & 0xffffffffL) * 1_000_000_000L + (time >>> 32) * nanosPerFraction;
    frameOffset = in.position() + recordHeaderSize;
    capturedLength = (int) captured;
    wireLength = (int) Math.min(original, Integer.MAX_VALUE);
    in.consume(size);
    return true;
  }

  private String capturedTooLong(long captured) {
    return "captured length " + captured + " exceeds the " + maxCapturedLength + "-byte limit"
        + " (expected: at most the snaplen, " + header.snapshot() + ")";
  }

  private CaptureException damage(long offset, String problem) {
    return CaptureErrors.damaged(file, compressed, "record", record, offset, problem);
  }

  @Override
  public long timestampNanos() {
    return timestampNanos;
  }

  @Override
  public int linkType() {
    return header.linkType();
  }

  @Override
  public byte[] data() {
    return in.array();
  }

  @Override
  public int offset() {
    return frameOffset;
  }

  @Override
  public int capturedLength() {
    return capturedLength;
  }

  @Override
  public int wireLength() {
    return wireLength;
  }

  @Override
  public CaptureInfo info() {
    return info;
  }

  @Override
  public List<String> warnings() {
    String line = longerThanSnaplen.line();
    return line == null ? List.of() : List.of(line);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
