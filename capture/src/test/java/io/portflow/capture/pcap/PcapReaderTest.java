package io.portflow.capture.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.CaptureInfo;
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

class PcapReaderTest {
  /** usec, little-endian, version 2.4, snaplen 65535, Ethernet. */
  private static final String USEC_LE = "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000\n";
  /** 1600000000 s + 123456 us, 4 of 60 bytes captured. */
  private static final String RECORD_LE = "00105e5f 40e20100 04000000 3c000000 deadbeef\n";
  private static final long RECORD_NANOS = 1_600_000_000_123_456_000L;

  @TempDir Path dir;

  private Path file(String hex) {
    return Captures.write(dir, "trace.pcap", Hex.bytes(hex));
  }

  private ReadResult read(String hex) throws CaptureException {
    return Captures.read(file(hex));
  }

  @Test
  void usec_littleEndian() throws Exception {
    ReadResult r = read(USEC_LE + RECORD_LE);
    assertEquals(List.of(new Frame(RECORD_NANOS, 1, 60, "deadbeef")), r.frames());
    assertNull(r.error());
    assertEquals(List.of(new CaptureInfo(dir.resolve("trace.pcap").toString(), "pcap", false, List.of(1),
        TimestampResolution.MICROSECONDS)), r.inputs());
  }

  @Test
  void usec_bigEndian() throws Exception {
    ReadResult r = read("""
        a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000001
        5f5e1000 0001e240 00000004 0000003c deadbeef
        """);
    assertEquals(List.of(new Frame(RECORD_NANOS, 1, 60, "deadbeef")), r.frames());
  }

  @Test
  void nsec_bigEndian() throws Exception {
    ReadResult r = read("""
        a1b23c4d 0002 0004 00000000 00000000 0000ffff 00000001
        5f5e1000 075bcd15 00000002 00000002 cafe   # 123456789 ns
        """);
    assertEquals(List.of(new Frame(1_600_000_000_123_456_789L, 1, 2, "cafe")), r.frames());
    assertEquals("pcap-nsec", r.inputs().get(0).format());
    assertEquals(TimestampResolution.NANOSECONDS, r.inputs().get(0).timestampResolution());
  }

  @Test
  void nsec_littleEndian() throws Exception {
    ReadResult r = read("""
        4d3cb2a1 0200 0400 00000000 00000000 ffff0000 01000000
        00105e5f 15cd5b07 02000000 02000000 cafe
        """);
    assertEquals(List.of(new Frame(1_600_000_000_123_456_789L, 1, 2, "cafe")), r.frames());
  }

  @Test
  void modifiedPcap_recordHeadersHaveEightMoreBytes() throws Exception {
    ReadResult r = read("""
        34cdb2a1 0200 0400 00000000 00000000 ffff0000 01000000
        00105e5f 40e20100 04000000 3c000000 02000000 0008 00 00 deadbeef  # ifindex, protocol, type, pad
        00105e5f 41e20100 01000000 01000000 02000000 0008 04 00 aa
        """);
    assertEquals(List.of(
        new Frame(RECORD_NANOS, 1, 60, "deadbeef"),
        new Frame(RECORD_NANOS + 1_000, 1, 1, "aa")), r.frames());
    assertEquals("pcap-modified", r.inputs().get(0).format());
  }

  @Test
  void capturedShorterThanWire_keepsBothLengths() throws Exception {
    ReadResult r = read(USEC_LE + "01000000 00000000 02000000 dc050000 0102");
    assertEquals(List.of(new Frame(1_000_000_000L, 1, 1500, "0102")), r.frames());
  }

  @Test
  void fractionOfOneSecondOrMore_carriesIntoSeconds() throws Exception {
    ReadResult usec = read(USEC_LE + "01000000 60e31600 01000000 01000000 aa");  // 1 s + 1500000 us
    assertEquals(2_500_000_000L, usec.frames().get(0).timestampNanos());
    ReadResult nsec = read("""
        4d3cb2a1 0200 0400 00000000 00000000 ffff0000 01000000
        00000000 ffffffff 01000000 01000000 aa   # 0 s + 4294967295 ns
        """);
    assertEquals(4_294_967_295L, nsec.frames().get(0).timestampNanos());
  }

  @Test
  void seconds_areUnsignedPast2038() throws Exception {
    ReadResult r = read(USEC_LE + "00000080 00000000 01000000 01000000 aa");
    assertEquals(2_147_483_648_000_000_000L, r.frames().get(0).timestampNanos());
  }

  @Test
  void capturedLongerThanSnaplen_isReadInFullWithOneWarning() throws Exception {
    ReadResult r = read("""
        d4c3b2a1 0200 0400 00000000 00000000 02000000 01000000   # snaplen 2
        01000000 00000000 04000000 3c000000 deadbeef
        02000000 00000000 01000000 01000000 aa
        03000000 00000000 03000000 03000000 bbccdd
        """);
    assertEquals(List.of(
        new Frame(1_000_000_000L, 1, 60, "deadbeef"),
        new Frame(2_000_000_000L, 1, 1, "aa"),
        new Frame(3_000_000_000L, 1, 3, "bbccdd")), r.frames());
    assertNull(r.error());
    assertEquals(List.of(dir.resolve("trace.pcap") + ": record 1 at byte offset 24: captured length 4"
        + " exceeds the snaplen (expected: at most 2); read in full (and 1 more record like it)"), r.warnings());
  }

  @Test
  void withinSnaplen_noWarning() throws Exception {
    assertEquals(List.of(), read(USEC_LE + RECORD_LE).warnings());
  }

  @Test
  void snaplenZero_meansTheLinkTypesMaximum() throws Exception {
    ReadResult r = read("""
        d4c3b2a1 0200 0400 00000000 00000000 00000000 01000000
        01000000 00000000 04000000 04000000 deadbeef
        """);
    assertEquals("deadbeef", r.frames().get(0).hex());
  }

  @Test
  void versionBefore2_3_hasWireLengthFirst() throws Exception {
    ReadResult r = read("""
        d4c3b2a1 0200 0200 00000000 00000000 ffff0000 01000000
        01000000 00000000 3c000000 04000000 deadbeef   # len 60, then caplen 4
        """);
    assertEquals(List.of(new Frame(1_000_000_000L, 1, 60, "deadbeef")), r.frames());
  }

  @Test
  void version2_3_swapsLengthsWhenCapturedExceedsWire() throws Exception {
    ReadResult r = read("""
        d4c3b2a1 0200 0300 00000000 00000000 ffff0000 01000000
        01000000 00000000 3c000000 04000000 deadbeef   # swapped
        01000000 00000000 01000000 3c000000 aa         # not swapped
        """);
    assertEquals(List.of(
        new Frame(1_000_000_000L, 1, 60, "deadbeef"),
        new Frame(1_000_000_000L, 1, 60, "aa")), r.frames());
  }

  @Test
  void oldDltRawValue_isReportedAsLinktypeRaw() throws Exception {
    ReadResult r = read("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 0c000000\n" + RECORD_LE);
    assertEquals(101, r.frames().get(0).linkType());
    assertEquals(List.of(101), r.inputs().get(0).linkTypes());
  }

  @Test
  void fcsBitsOfTheLinkTypeField_areIgnored() throws Exception {
    ReadResult r = read("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000044\n" + RECORD_LE);
    assertEquals(1, r.frames().get(0).linkType());
  }

  @Test
  void headerOnly_isAnEmptyCapture() throws Exception {
    ReadResult r = read(USEC_LE);
    assertEquals(List.of(), r.frames());
    assertNull(r.error());
  }

  @Test
  void capturedLengthAboveTheLimit_isDamageAfterTheGoodFrames() throws Exception {
    ReadResult r = read(USEC_LE + RECORD_LE + RECORD_LE
        + "00105e5f 40e20100 00004200 00004200 00000000");   // record 3 at 24 + 2 * 20
    assertEquals(2, r.frames().size());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(dir.resolve("trace.pcap") + ": record 3 at byte offset 64: captured length 4325376 exceeds the 262144-byte"
        + " limit (expected: at most the snaplen, 65535)", r.error().getMessage());
  }

  @Test
  void capturedLength0x7fffffff_failsAtOnceWithoutAllocating() throws Exception {
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> read(USEC_LE + "00000000 00000000 ffffff7f ffffff7f 00"));
    assertEquals(dir.resolve("trace.pcap") + ": record 1 at byte offset 24: captured length 2147483647 exceeds the"
        + " 262144-byte limit (expected: at most the snaplen, 65535)", r.error().getMessage());
  }

  @Test
  void recordHeaderCutOff_isDamage() throws Exception {
    ReadResult r = read(USEC_LE + RECORD_LE + "0102030405");
    assertEquals(1, r.frames().size());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(dir.resolve("trace.pcap") + ": record 2 at byte offset 44: record header cut off: 5 of 16 bytes present"
        + " (expected: 16, or none at the end of the file)", r.error().getMessage());
  }

  @Test
  void packetDataCutOff_isDamage() throws Exception {
    ReadResult r = read(USEC_LE + "00000000 00000000 64000000 64000000 00010203040506070809");
    assertEquals(0, r.frames().size());
    assertEquals(dir.resolve("trace.pcap") + ": record 1 at byte offset 24: packet data cut off: 10 of 100 bytes present"
        + " (expected: 100, the record's captured length)", r.error().getMessage());
  }

  @Test
  void fileHeaderCutOff_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class, () -> read("d4c3b2a1 0200 0400 0000"));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(dir.resolve("trace.pcap") + ": pcap file header cut off: 10 of 24 bytes present (expected: 24)", e.getMessage());
  }

  @Test
  void versionOne_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("d4c3b2a1 0100 0400 00000000 00000000 ffff0000 01000000"));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(dir.resolve("trace.pcap") + ": unsupported pcap version 1.4 (expected: 2.0 to 2.4)", e.getMessage());
  }

  @Test
  void reservedLinkTypeBits_areNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 00003000"));
    assertEquals(dir.resolve("trace.pcap") + ": link-type field 0x00300000 has reserved bits 0x00300000 set (expected: 0)", e.getMessage());
  }
}
