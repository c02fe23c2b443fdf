package io.portflow.capture.pcapng;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.TimestampResolution;
import io.portflow.capture.format.CaptureErrors;
import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.format.RepeatedWarning;
import io.portflow.capture.io.Bytes;
import io.portflow.capture.io.CorruptInputException;
import io.portflow.capture.io.ReadBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the packets of a pcapng file block by block. Each block is checked as libpcap checks it
 * (total length at least 12, a multiple of 4, within the file and a size limit, trailer equal to
 * header) before anything in it is used; frames stay in the read buffer and are handed out by index.
 *
 * <p>Unlike libpcap, interfaces may have different link types and snapshot lengths, sections may
 * change byte order, a later section with an unsupported version is skipped (as the pcapng
 * specification asks), and a captured length above the interface's snapshot length is accepted when
 * the block holds the bytes (with a warning).
 */
public final class PcapngReader implements FrameCursor {
  private static final int BLOCK_HEADER = 8;
  private static final int MIN_BLOCK_SIZE = 12;
  /** Block header + interface id + timestamp (8) + captured and original lengths + trailer. */
  private static final int MIN_PACKET_BLOCK_SIZE = 32;
  private static final int PACKET_DATA = 28;
  private static final int MIN_SIMPLE_PACKET_BLOCK_SIZE = 16;
  private static final int SIMPLE_PACKET_DATA = 12;
  /** libpcap's INITIAL_MAX_BLOCKSIZE. */
  private static final long INITIAL_MAX_BLOCK_SIZE = 16 * 1024 * 1024;
  /** libpcap allows each packet block 128 KiB of options beyond the largest packet. */
  private static final long OPTIONS_ALLOWANCE = 131072;

  private final ReadBuffer in;
  private final String file;
  private final boolean compressed;
  private final List<Integer> linkTypesSeen = new ArrayList<>();
  private final RepeatedWarning longerThanSnaplen = new RepeatedWarning("block");

  private boolean bigEndian;
  private boolean skippingSection;
  private InterfaceDescription[] interfaces = new InterfaceDescription[4];
  private int interfaceCount;
  /** The finest of the interfaces seen in any section so far. */
  private TimestampResolution resolutionSeen = TimestampResolution.MICROSECONDS;
  private long maxBlockSize = INITIAL_MAX_BLOCK_SIZE;

  private long blockNumber;
  private long blockOffset;
  private int blockType;
  private boolean blockBigEndian;
  private int blockStart;
  private int blockLength;

  private CaptureException pending;
  private boolean failed;

  private long timestampNanos;
  private int linkType;
  private int frameOffset;
  private int capturedLength;
  private int wireLength;

  private PcapngReader(ReadBuffer in, String file, boolean compressed, boolean bigEndian) {
    this.in = in;
    this.file = file;
    this.compressed = compressed;
    this.bigEndian = bigEndian;
  }

  /**
   * Reads the first section header, then the blocks up to the first packet, so the interfaces are
   * known before frames are asked for. Damage found on the way is thrown by the first {@link #advance()}.
   *
   * @throws CaptureException NOT_A_CAPTURE when the first section header is cut off, inconsistent or unsupported
   */
  public static PcapngReader open(ReadBuffer in, String file, boolean compressed) throws IOException {
    PcapngReader reader = new PcapngReader(in, file, compressed, FirstSectionHeader.read(in, file));
    reader.blockNumber = 1;
    reader.readAheadToFirstPacket();
    return reader;
  }

  private void readAheadToFirstPacket() {
    try {
      while (readBlock(true)) {
        handleBlock();
      }
    } catch (CaptureException e) {
      pending = e;
    } catch (IOException e) {
      pending = inputProblem(e);
    }
  }

  @Override
  public boolean advance() throws IOException {
    if (pending != null) {
      CaptureException e = pending;
      pending = null;
      failed = true;
      throw e;
    }
    if (failed) {
      return false;
    }
    try {
      while (readBlock(false)) {
        if (handleBlock()) {
          return true;
        }
      }
      return false;
    } catch (CaptureException e) {
      failed = true;
      throw e;
    } catch (IOException e) {
      failed = true;
      throw inputProblem(e);
    }
  }

  /**
   * Loads the next whole block into the buffer and consumes it.
   *
   * @param stopAtPacket leave a packet block unread (reading ahead at open)
   * @return false at the end of the file, or before a packet block when {@code stopAtPacket}
   */
  private boolean readBlock(boolean stopAtPacket) throws IOException {
    blockOffset = in.offset();
    blockNumber++;
    if (!in.request(BLOCK_HEADER)) {
      if (in.available() == 0) {
        blockNumber--;
        return false;
      }
      throw damage("block header cut off: " + in.available() + " of " + BLOCK_HEADER
          + " bytes present (expected: " + BLOCK_HEADER + ", or none at the end of the file)");
    }
    int type = Bytes.i32(in.array(), in.position(), bigEndian);
    if (stopAtPacket && BlockType.isPacket(type)) {
      blockNumber--;
      return false;
    }
    boolean order = type == BlockType.SECTION_HEADER ? sectionByteOrder() : bigEndian;
    long total = Bytes.u32(in.array(), in.position() + 4, order);
    checkLength(total);
    if (!in.request((int) total)) {
      throw damage("block total length " + total + " runs past the end of the file (expected: at most "
          + in.available() + ", the bytes left)");
    }
    long trailer = Bytes.u32(in.array(), in.position() + (int) total - 4, order);
    if (trailer != total) {
      throw damage("trailing block length " + trailer + " differs from the leading one (expected: "
          + total + ")");
    }
    blockType = type;
    blockBigEndian = order;
    blockStart = in.position();
    blockLength = (int) total;
    in.consume(blockLength);
    return true;
  }

  private boolean sectionByteOrder() throws IOException {
    if (!in.request(SectionHeader.ORDER_PREFIX)) {
      throw damage("section header block cut off: " + in.available() + " bytes present (expected: at least "
          + SectionHeader.ORDER_PREFIX + ")");
    }
    Boolean order = SectionHeader.byteOrder(in.array(), in.position());
    if (order == null) {
      throw damage("section header block has unknown byte-order magic "
          + Bytes.hex32(Bytes.magic(in.array(), in.position() + 8)) + " (expected: "
          + Bytes.hex32(BlockType.BYTE_ORDER_MAGIC) + " in either byte order)");
    }
    return order;
  }

  private void checkLength(long total) throws CaptureException {
    if (total < MIN_BLOCK_SIZE) {
      throw damage("block total length " + total + " is too small (expected: at least " + MIN_BLOCK_SIZE + ")");
    }
    if (total % 4 != 0) {
      throw damage("block total length " + total + " is not a multiple of 4 (expected: "
          + (total & ~3L) + " or " + ((total & ~3L) + 4) + ")");
    }
    if (total > maxBlockSize) {
      throw damage("block total length " + total + " is too large (expected: at most " + maxBlockSize + ")");
    }
  }

  /** Acts on the block just read; true when it was a packet whose frame is now current. */
  private boolean handleBlock() throws CaptureException {
    if (blockType == BlockType.SECTION_HEADER) {
      startSection();
      return false;
    }
    if (skippingSection) {
      return false;
    }
    switch (blockType) {
      case BlockType.INTERFACE_DESCRIPTION:
        addInterface();
        return false;
      case BlockType.ENHANCED_PACKET:
        return packet(Bytes.u32(in.array(), blockStart + 8, bigEndian));
      case BlockType.PACKET:
        return packet(Bytes.u16(in.array(), blockStart + 8, bigEndian));
      case BlockType.SIMPLE_PACKET:
        return simplePacket();
      default:
        return false;
    }
  }

  private void startSection() throws CaptureException {
    requireLength(SectionHeader.MIN_BLOCK_SIZE);
    SectionHeader section = SectionHeader.decode(in.array(), blockStart, blockBigEndian);
    bigEndian = section.bigEndian();
    interfaceCount = 0;
    skippingSection = !section.supported();
  }

  private void addInterface() throws CaptureException {
    requireLength(InterfaceBlockDecoder.MIN_BLOCK_SIZE);
    InterfaceDescription idb;
    try {
      idb = InterfaceBlockDecoder.decode(in.array(), blockStart, blockLength, bigEndian);
    } catch (MalformedBlockException e) {
      throw damage("interface description block: " + e.getMessage());
    }
    if (interfaceCount == interfaces.length) {
      interfaces = Arrays.copyOf(interfaces, interfaceCount * 2);
    }
    interfaces[interfaceCount++] = idb;
    if (!linkTypesSeen.contains(idb.linkType())) {
      linkTypesSeen.add(idb.linkType());
    }
    resolutionSeen = resolutionSeen.finer(idb.scale().resolution());
    long largestBlock = PACKET_DATA + (long) LinkTypeRules.maxSnaplen(idb.linkType()) + OPTIONS_ALLOWANCE + 4;
    maxBlockSize = Math.max(maxBlockSize, largestBlock);
  }

  /** An enhanced or obsolete packet block: same layout after the interface id. */
  private boolean packet(long interfaceId) throws CaptureException {
    requireLength(MIN_PACKET_BLOCK_SIZE);
    InterfaceDescription idb = declaredInterface(interfaceId);
    byte[] b = in.array();
    int p = blockStart;
    long ticks = (Bytes.u32(b, p + 12, bigEndian) << 32) | Bytes.u32(b, p + 16, bigEndian);
    long captured = Bytes.u32(b, p + 20, bigEndian);
    long original = Bytes.u32(b, p + 24, bigEndian);
    int room = blockLength - MIN_PACKET_BLOCK_SIZE;
    if (captured > room) {
      throw damage(BlockType.name(blockType) + ": captured length " + captured
          + " does not fit in the block (expected: at most " + room + ")");
    }
    int limit = LinkTypeRules.maxSnaplen(idb.linkType());
    if (captured > limit) {
      throw damage(BlockType.name(blockType) + ": captured length " + captured + " is too large"
          + " (expected: at most " + limit + ")");
    }
    if (captured > idb.snapshot()) {
      longerThanSnaplen.add(() -> CaptureErrors.at(file, compressed, "block", blockNumber, blockOffset)
          + BlockType.name(blockType) + ": captured length " + captured + " exceeds the interface's"
          + " snaplen (expected: at most " + idb.snapshot() + "); read in full");
    }
    setFrame(idb, idb.toNanos(ticks), p + PACKET_DATA, (int) captured, original);
    return true;
  }

  /** No timestamp and no captured length: interface 0, cut to its snapshot length and the block. */
  private boolean simplePacket() throws CaptureException {
    requireLength(MIN_SIMPLE_PACKET_BLOCK_SIZE);
    if (interfaceCount == 0) {
      throw damage("simple packet block, but no interface description block declared interface 0"
          + " (expected: an interface description block before it)");
    }
    InterfaceDescription idb = interfaces[0];
    long original = Bytes.u32(in.array(), blockStart + 8, bigEndian);
    long captured = Math.min(original, Math.min(idb.snapshot(), blockLength - MIN_SIMPLE_PACKET_BLOCK_SIZE));
    setFrame(idb, idb.toNanos(0), blockStart + SIMPLE_PACKET_DATA, (int) captured, original);
    return true;
  }

  private InterfaceDescription declaredInterface(long interfaceId) throws CaptureException {
    if (interfaceId >= interfaceCount) {
      throw damage(BlockType.name(blockType) + " refers to interface " + interfaceId
          + ", which no interface description block declared (expected: "
          + (interfaceCount == 0 ? "an interface description block before it)"
              : "0 to " + (interfaceCount - 1) + ", the interfaces of this section)"));
    }
    return interfaces[(int) interfaceId];
  }

  private void setFrame(InterfaceDescription idb, long nanos, int offset, int captured, long original) {
    timestampNanos = nanos;
    linkType = idb.linkType();
    frameOffset = offset;
    capturedLength = captured;
    wireLength = (int) Math.min(original, Integer.MAX_VALUE);
  }

  private void requireLength(int minimum) throws CaptureException {
    if (blockLength < minimum) {
      throw damage(BlockType.name(blockType) + " total length " + blockLength
          + " is too small (expected: at least " + minimum + ")");
    }
  }

  private CaptureException inputProblem(IOException e) {
    if (e instanceof CaptureException) {
      return (CaptureException) e;
    }
    return damage(e instanceof CorruptInputException ? e.getMessage() : "read error (" + e.getMessage() + ")");
  }

  private CaptureException damage(String problem) {
    return CaptureErrors.damaged(file, compressed, "block", blockNumber, blockOffset, problem);
  }

  @Override
  public long timestampNanos() {
    return timestampNanos;
  }

  @Override
  public int linkType() {
    return linkType;
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
    return new CaptureInfo(file, "pcapng", compressed, List.copyOf(linkTypesSeen), resolutionSeen);
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
