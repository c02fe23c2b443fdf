package io.portflow.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Frame;
import io.portflow.capture.testing.ReadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our reader on the real captures in {@code src/test/resources/captures}. Counts, timestamps and
 * lengths were checked against tshark 4.0 ({@code -T fields -e frame.time_epoch -e frame.cap_len
 * -e frame.len}); where tshark differs, the test says why.
 */
class FixtureCapturesTest {
  private static ReadResult read(String name) throws CaptureException {
    return Captures.read(Captures.resource(name));
  }

  private static void assertClean(ReadResult r, int frames, int linkType, String format) {
    assertNull(r.error(), () -> r.error().getMessage());
    assertEquals(frames, r.frames().size());
    assertTrue(r.frames().stream().allMatch(f -> f.linkType() == linkType));
    assertEquals(format, r.inputs().get(0).format());
  }

  @Test
  void usecLittleEndianEthernet() throws Exception {
    ReadResult r = read("dns_tcp.pcap");
    assertClean(r, 11, 1, "pcap");
    assertEquals(1_591_780_863_720_289_000L, r.frames().get(0).timestampNanos());
    assertEquals(1_591_780_864_101_256_000L, r.frames().get(10).timestampNanos());
    assertEquals(74, r.frames().get(0).capturedLength());
  }

  @Test
  void gzipCompressed_readsTheSameFrames() throws Exception {
    ReadResult plain = read("dns_tcp.pcap");
    ReadResult gz = read("dns_tcp.pcap.gz");
    assertEquals(plain.frames(), gz.frames());
    assertTrue(gz.inputs().get(0).compressed());
  }

  @Test
  void nsecBigEndian() throws Exception {
    ReadResult r = read("nanosecs_big_endian.pcap");
    assertClean(r, 10, 1, "pcap-nsec");
    assertEquals(1_766_361_926_167_647_291L, r.frames().get(0).timestampNanos());
    assertEquals(1_766_361_926_168_451_894L, r.frames().get(9).timestampNanos());
  }

  @Test
  void pcapngWithEthernetAndSllInterfaces() throws Exception {
    ReadResult r = read("pcapng-example.pcapng");
    assertNull(r.error());
    assertEquals(159, r.frames().size());
    assertEquals(List.of(1, 113), r.inputs().get(0).linkTypes());
    assertEquals(59, r.frames().stream().filter(f -> f.linkType() == 1).count());
    assertEquals(1_422_527_998_578_402_281L, r.frames().get(0).timestampNanos());
    assertEquals(new Frame(r.frames().get(60).timestampNanos(), 113, 128, 1444, r.frames().get(60).hex()),
        r.frames().get(60));
    assertEquals(39, r.frames().stream().filter(f -> f.capturedLength() < f.wireLength()).count());
  }

  @Test
  void pcapngWithTwoTimestampResolutions() throws Exception {
    ReadResult r = read("knxip.pcapng");
    assertClean(r, 3, 1, "pcapng");
    assertEquals(1_713_288_329_876_632_545L, r.frames().get(0).timestampNanos());  // if_tsresol 9
    assertEquals(1_629_801_418_105_532_000L, r.frames().get(2).timestampNanos());  // if_tsresol 6
  }

  @Test
  void linuxSll() throws Exception {
    assertClean(read("bgp-infinite-loop.pcap"), 5, 113, "pcap");
  }

  @Test
  void linuxSll2() throws Exception {
    assertClean(read("sll2.pcap"), 3, 276, "pcap");
  }

  @Test
  void rawIp() throws Exception {
    assertClean(read("payload-synack.pcap"), 6, 101, "pcap");
  }

  @Test
  void nullLoopback() throws Exception {
    assertClean(read("redis-attr.pcap"), 28, 0, "pcap");
  }

  @Test
  void snaplenCut_everyFrameShorterThanOnTheWire() throws Exception {
    ReadResult r = read("truncated-header.pcap");
    assertClean(r, 24, 1, "pcap");
    assertTrue(r.frames().stream().allMatch(f -> f.capturedLength() <= 68 && f.capturedLength() < f.wireLength()));
  }

  /** tshark stops at the second section (version 2.0); the pcapng specification says to skip it. */
  @Test
  void multiSectionPcapng_skipsTheSectionWithAnUnsupportedVersion() throws Exception {
    for (String name : List.of("test901-le.pcapng", "test901-be.pcapng")) {
      ReadResult r = read(name);
      assertClean(r, 2, 1, "pcapng");
      assertEquals(1_340_954_905_298_858_000L, r.frames().get(1).timestampNanos());
      assertEquals(314, r.frames().get(1).capturedLength());
    }
  }

  /** Fractions of 10^9 ns or more carry into the seconds (tshark prints them unnormalised). */
  @Test
  void invalidNanosecondFields_carry() throws Exception {
    ReadResult r = read("timestamp_invalid_nano.pcap");
    assertClean(r, 3, 113, "pcap-nsec");
    assertEquals(1_418_145_369_999_999_999L, r.frames().get(0).timestampNanos());
    assertEquals(1_418_145_371_000_000_000L, r.frames().get(1).timestampNanos());
    assertEquals(1_418_145_372_147_483_648L, r.frames().get(2).timestampNanos());
  }

  @Test
  void secondsAfter2038() throws Exception {
    ReadResult r = read("y2038-bgp.pcap");
    assertClean(r, 4, 1, "pcap");
    assertEquals(2_164_247_948_451_127_000L, r.frames().get(2).timestampNanos());
  }

  @Test
  void hugeCapturedLength_isDamageAfterSixFrames() throws Exception {
    ReadResult r = read("tls_DER-incomplete-header.pcap");
    assertEquals(6, r.frames().size());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(Captures.resource("tls_DER-incomplete-header.pcap") + ": record 7 at byte offset 5035: captured length 4325376 exceeds the 262144-byte"
        + " limit (expected: at most the snaplen, 262144)", r.error().getMessage());
  }

  @Test
  void fileCutShort_isDamageAfterTheLastWholeFrame() throws Exception {
    ReadResult r = read("truncated_dns_2.pcap");
    assertEquals(List.of(200), r.frames().stream().map(Frame::capturedLength).toList());
    assertEquals(282, r.frames().get(0).wireLength());
    assertEquals(Captures.resource("truncated_dns_2.pcap") + ": record 2 at byte offset 240: record header cut off: 7 of 16 bytes present"
        + " (expected: 16, or none at the end of the file)", r.error().getMessage());
  }
}
