package io.portflow.capture.pcapng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import io.portflow.capture.TimestampResolution;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Frame;
import io.portflow.capture.testing.Hex;
import io.portflow.capture.testing.ReadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngReaderTest {
  /** Section header, little-endian, version 1.0, section length unknown: 28 bytes. */
  private static final String SHB_LE = "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000\n";
  private static final String SHB_BE = "0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c\n";
  /** Ethernet, snaplen 0 (unlimited), no options: 20 bytes. */
  private static final String IDB_LE = "01000000 14000000 0100 0000 00000000 14000000\n";
  /** Interface 0, 1000000 us, 4 of 60 bytes: 36 bytes. */
  private static final String EPB_LE =
      "06000000 24000000 00000000 00000000 40420f00 04000000 3c000000 deadbeef 24000000\n";
  private static final Frame EPB_FRAME = new Frame(1_000_000_000L, 1, 60, "deadbeef");

  @TempDir Path dir;

  private String name() {
    return dir.resolve("trace.pcapng").toString();
  }

  private ReadResult read(String hex) throws CaptureException {
    return Captures.read(Captures.write(dir, "trace.pcapng", Hex.bytes(hex)));
  }

  /** An IDB for Ethernet with one 4-byte-aligned option, then opt_endofopt. */
  private static String idbWithOption(String option) {
    int length = 20 + Hex.bytes(option).length + 4;
    String len = String.format("%02x000000", length);
    return "01000000 " + len + " 0100 0000 00000000 " + option + " 0000 0000 " + len + "\n";
  }

  private static String epbTicks(long ticks) {
    return String.format("06000000 24000000 00000000 %s %s 04000000 3c000000 deadbeef 24000000\n",
        le32(ticks >>> 32), le32(ticks));
  }

  private static String le32(long v) {
    return String.format("%08x", Integer.reverseBytes((int) v));
  }

  @Test
  void littleEndian_enhancedPacketsInMicrosecondsByDefault() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE);
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertNull(r.error());
    assertEquals("pcapng", r.inputs().get(0).format());
    assertEquals(List.of(1), r.inputs().get(0).linkTypes());
  }

  @Test
  void bigEndian() throws Exception {
    ReadResult r = read(SHB_BE + """
        00000001 00000014 0001 0000 00000000 00000014
        00000006 00000024 00000000 00000000 000f4240 00000004 0000003c deadbeef 00000024
        """);
    assertEquals(List.of(EPB_FRAME), r.frames());
  }

  @Test
  void packetDataIsPaddedToFourBytes() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE
        + "06000000 24000000 00000000 00000000 40420f00 03000000 03000000 aabbcc00 24000000\n" + EPB_LE);
    assertEquals(List.of(new Frame(1_000_000_000L, 1, 3, "aabbcc"), EPB_FRAME), r.frames());
  }

  @Test
  void enhancedPacketOptions_areSkipped() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + """
        06000000 30000000 00000000 00000000 40420f00 04000000 3c000000 deadbeef
        0200 0400 01000000   0000 0000   30000000   # epb_flags, opt_endofopt
        """);
    assertEquals(List.of(EPB_FRAME), r.frames());
  }

  @Test
  void tsresol_powerOfTen_milliseconds() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0900 0100 03000000") + epbTicks(1500));
    assertEquals(1_500_000_000L, r.frames().get(0).timestampNanos());
  }

  @Test
  void tsresol_powerOfTen_nanoseconds() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0900 0100 09000000") + epbTicks(1_600_000_000_123_456_789L));
    assertEquals(1_600_000_000_123_456_789L, r.frames().get(0).timestampNanos());
  }

  @Test
  void tsresol_powerOfTen_picosecondsRoundDown() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0900 0100 0c000000") + epbTicks(1_500_000_000_999L));
    assertEquals(1_500_000_000L, r.frames().get(0).timestampNanos());
  }

  @Test
  void tsresol_powerOfTwo() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0900 0100 94000000") + epbTicks(3L << 19));  // 2^-20 s
    assertEquals(1_500_000_000L, r.frames().get(0).timestampNanos());
  }

  @Test
  void tsresol_finerThanAMicrosecond_isReportedAsNanoseconds() throws Exception {
    // 10^-7, 10^-9, 10^-12, 2^-20 (0.95 us), 2^-30
    for (String tsresol : List.of("07", "09", "0c", "94", "9e")) {
      ReadResult r = read(SHB_LE + idbWithOption("0900 0100 " + tsresol + "000000") + epbTicks(1));
      assertEquals(TimestampResolution.NANOSECONDS, r.inputs().get(0).timestampResolution(), tsresol);
    }
  }

  @Test
  void tsresol_microsecondOrCoarser_isReportedAsMicroseconds() throws Exception {
    assertEquals(TimestampResolution.MICROSECONDS, read(SHB_LE + IDB_LE + EPB_LE).inputs().get(0).timestampResolution());
    // 10^-6, 10^-3, 2^-19 (1.9 us), 2^-10
    for (String tsresol : List.of("06", "03", "93", "8a")) {
      ReadResult r = read(SHB_LE + idbWithOption("0900 0100 " + tsresol + "000000") + epbTicks(1));
      assertEquals(TimestampResolution.MICROSECONDS, r.inputs().get(0).timestampResolution(), tsresol);
    }
  }

  @Test
  void resolution_isTheFinestInterface_andALaterOneCountsOnceRead() throws Exception {
    Path file = Captures.write(dir, "trace.pcapng", Hex.bytes(SHB_LE + IDB_LE + EPB_LE
        + SHB_LE + IDB_LE + idbWithOption("0900 0100 09000000") + EPB_LE));
    try (FrameSource source = CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null)) {
      assertEquals(TimestampResolution.MICROSECONDS, source.inputs().get(0).timestampResolution());
      while (source.next((ts, linkType, data, offset, captured, wire) -> { })) {
        // to the end
      }
      assertEquals(TimestampResolution.NANOSECONDS, source.inputs().get(0).timestampResolution());
    }
  }

  @Test
  void resolution_ofInterfacesBeforeTheFirstPacket_isKnownAtOpen() throws Exception {
    Path file = Captures.write(dir, "trace.pcapng", Hex.bytes(SHB_LE + IDB_LE + idbWithOption("0900 0100 09000000")
        + EPB_LE));
    try (FrameSource source = CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null)) {
      assertEquals(TimestampResolution.NANOSECONDS, source.inputs().get(0).timestampResolution());
    }
  }

  @Test
  void tsoffset_addsSeconds() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0e00 0800 6400000000000000") + EPB_LE);
    assertEquals(101_000_000_000L, r.frames().get(0).timestampNanos());
  }

  @Test
  void interfacesWithDifferentLinkTypes_eachKeepTheirOwn() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE
        + "01000000 14000000 7100 0000 00000000 14000000\n"   // Linux SLL
        + "06000000 24000000 01000000 00000000 40420f00 04000000 3c000000 deadbeef 24000000\n"
        + EPB_LE);
    assertEquals(List.of(new Frame(1_000_000_000L, 113, 60, "deadbeef"), EPB_FRAME), r.frames());
    assertEquals(List.of(1, 113), r.inputs().get(0).linkTypes());
  }

  @Test
  void simplePacket_usesInterfaceZeroAndItsSnaplen() throws Exception {
    ReadResult r = read(SHB_LE
        + "01000000 14000000 0100 0000 02000000 14000000\n"   // snaplen 2
        + "03000000 14000000 3c000000 deadbeef 14000000\n");  // original length 60
    assertEquals(List.of(new Frame(0, 1, 60, "dead")), r.frames());
  }

  @Test
  void enhancedPacketLongerThanTheSnaplen_isReadInFullWithAWarning() throws Exception {
    ReadResult r = read(SHB_LE
        + "01000000 14000000 0100 0000 02000000 14000000\n"   // snaplen 2
        + EPB_LE);
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertEquals(List.of(name() + ": block 3 at byte offset 48: enhanced packet block: captured length 4"
        + " exceeds the interface's snaplen (expected: at most 2); read in full"), r.warnings());
  }

  @Test
  void simplePacket_isCutToTheBlock() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + "03000000 14000000 3c000000 deadbeef 14000000\n");
    assertEquals(List.of(new Frame(0, 1, 60, "deadbeef")), r.frames());
  }

  @Test
  void obsoletePacketBlock() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE
        + "02000000 24000000 0000 0000 00000000 40420f00 04000000 3c000000 deadbeef 24000000\n");
    assertEquals(List.of(EPB_FRAME), r.frames());
  }

  @Test
  void otherBlocks_areSkipped() throws Exception {
    ReadResult r = read(SHB_LE + """
        04000000 10000000 00000000 10000000                    # name resolution
        0a000000 10000000 aaaaaaaa 10000000                    # decryption secrets
        """ + IDB_LE + """
        ad0b0000 14000000 78563412 00000000 14000000           # custom block
        05000000 18000000 00000000 00000000 00000000 18000000  # interface statistics
        """ + EPB_LE);
    assertEquals(List.of(EPB_FRAME), r.frames());
  }

  @Test
  void secondSection_resetsInterfacesAndMayChangeByteOrder() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + SHB_BE + """
        00000001 00000014 0071 0000 00000000 00000014
        00000006 00000024 00000000 00000000 000f4240 00000004 0000003c deadbeef 00000024
        """);
    assertEquals(List.of(EPB_FRAME, new Frame(1_000_000_000L, 113, 60, "deadbeef")), r.frames());
    assertEquals(List.of(1, 113), r.inputs().get(0).linkTypes());
  }

  @Test
  void laterSectionWithUnsupportedVersion_isSkipped() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE
        + "0a0d0d0a 1c000000 4d3c2b1a 0200 0000 ffffffffffffffff 1c000000\n"  // version 2.0
        + IDB_LE + epbTicks(7)
        + SHB_LE + IDB_LE + EPB_LE);
    assertEquals(List.of(EPB_FRAME, EPB_FRAME), r.frames());
    assertNull(r.error());
  }

  @Test
  void blockShorterThan12_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + "01000000 08000000");
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(name() + ": block 4 at byte offset 84: block total length 8 is too small (expected: at"
        + " least 12)",
        r.error().getMessage());
  }

  @Test
  void blockLengthNotMultipleOfFour_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + "04000000 11000000 00000000 00 11000000");
    assertEquals(name() + ": block 4 at byte offset 84: block total length 17 is not a multiple of 4"
        + " (expected: 16 or 20)",
        r.error().getMessage());
  }

  @Test
  void blockBeyondTheEndOfTheFile_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + "06000000 40000000 00000000 00000000 00000000");
    assertEquals(1, r.frames().size());
    assertEquals(name() + ": block 4 at byte offset 84: block total length 64 runs past the end of the"
        + " file (expected: at most 20, the bytes left)", r.error().getMessage());
  }

  @Test
  void huge_blockLength_failsAtOnceWithoutAllocating() throws Exception {
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> read(SHB_LE + IDB_LE + "06000000 f0ffff7f 00000000"));
    assertEquals(name() + ": block 3 at byte offset 48: block total length 2147483632 is too large"
        + " (expected: at most 16777216)", r.error().getMessage());
  }

  @Test
  void trailingLengthMismatch_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE
        + "06000000 24000000 00000000 00000000 40420f00 04000000 3c000000 deadbeef 20000000\n");
    assertEquals(List.of(), r.frames());
    assertEquals(name() + ": block 3 at byte offset 48: trailing block length 32 differs from the leading"
        + " one (expected: 36)", r.error().getMessage());
  }

  @Test
  void blockHeaderCutOff_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + "0600000024");
    assertEquals(name() + ": block 4 at byte offset 84: block header cut off: 5 of 8 bytes present"
        + " (expected: 8, or none at the end of the file)",
        r.error().getMessage());
  }

  @Test
  void undeclaredInterface_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE
        + "06000000 24000000 01000000 00000000 40420f00 04000000 3c000000 deadbeef 24000000\n");
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertEquals(name() + ": block 4 at byte offset 84: enhanced packet block refers to interface 1, which"
        + " no interface description block declared (expected: 0 to 0, the interfaces of"
        + " this section)",
        r.error().getMessage());
  }

  @Test
  void interfacesOfAnEarlierSection_areForgotten() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE + SHB_LE + EPB_LE);
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertEquals(name() + ": block 5 at byte offset 112: enhanced packet block refers to interface 0,"
        + " which no interface description block declared (expected: an interface"
        + " description block before it)",
        r.error().getMessage());
  }

  @Test
  void simplePacketWithoutInterface_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + "03000000 14000000 3c000000 deadbeef 14000000\n");
    assertEquals(name() + ": block 2 at byte offset 28: simple packet block, but no interface description"
        + " block declared interface 0 (expected: an interface description block before it)", r.error().getMessage());
  }

  @Test
  void unknownByteOrderMagicInALaterSection_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + EPB_LE
        + "0a0d0d0a 1c000000 efbeadde 0100 0000 ffffffffffffffff 1c000000\n");
    assertEquals(List.of(EPB_FRAME), r.frames());
    assertEquals(name() + ": block 4 at byte offset 84: section header block has unknown byte-order magic"
        + " 0xefbeadde (expected: 0x1a2b3c4d in either byte order)", r.error().getMessage());
  }

  @Test
  void capturedLengthBeyondTheBlock_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE
        + "06000000 24000000 00000000 00000000 40420f00 64000000 64000000 deadbeef 24000000\n");
    assertEquals(name() + ": block 3 at byte offset 48: enhanced packet block: captured length 100 does"
        + " not fit in the block (expected: at most 4)", r.error().getMessage());
  }

  @Test
  void enhancedPacketShorterThanItsFixedPart_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + IDB_LE + "06000000 1c000000 00000000 00000000 00000000 00000000 1c000000");
    assertEquals(name() + ": block 3 at byte offset 48: enhanced packet block total length 28 is too small"
        + " (expected: at least 32)", r.error().getMessage());
  }

  @Test
  void optionRunningPastTheBlock_isDamageReportedByNext() throws Exception {
    ReadResult r = read(SHB_LE + "01000000 1c000000 0100 0000 00000000 0200 6400 41424344 1c000000\n" + EPB_LE);
    assertEquals(List.of(), r.frames());
    assertEquals(name() + ": block 2 at byte offset 28: interface description block: option 2 with length"
        + " 100 runs past the end of the block (expected: at most 4)", r.error().getMessage());
  }

  @Test
  void tsresolFinerThan64BitTicks_isDamage() throws Exception {
    ReadResult r = read(SHB_LE + idbWithOption("0900 0100 14000000") + EPB_LE);
    assertEquals(name() + ": block 2 at byte offset 28: interface description block: if_tsresol 10^-20 is"
        + " finer than 64-bit timestamps can count (expected: at most 10^-19 or 2^-63)",
        r.error().getMessage());
  }

  @Test
  void firstSectionHeaderCutOff_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class, () -> read("0a0d0d0a 1c000000 4d3c"));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(name() + ": pcapng section header block cut off: 10 of 28 bytes present (expected: 28)", e.getMessage());
  }

  @Test
  void firstSectionHeaderWithUnknownByteOrderMagic_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("0a0d0d0a 1c000000 efbeadde 0100 0000 ffffffffffffffff 1c000000"));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(name() + ": pcapng section header has byte-order magic 0xefbeadde (expected: 0x1a2b3c4d"
        + " in either byte order)", e.getMessage());
  }

  @Test
  void firstSectionHeaderWithVersion1_1_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("0a0d0d0a 1c000000 4d3c2b1a 0100 0100 ffffffffffffffff 1c000000"));
    assertEquals(name() + ": unsupported pcapng version 1.1 (expected: 1.0 or 1.2)", e.getMessage());
  }

  @Test
  void firstSectionHeaderTooShort_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("0a0d0d0a 0c000000 4d3c2b1a"));
    assertEquals(name() + ": pcapng section header block length 12 (expected: a multiple of 4 from 28 to"
        + " 1048576)", e.getMessage());
  }
}
