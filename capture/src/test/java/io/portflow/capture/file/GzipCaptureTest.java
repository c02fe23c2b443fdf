package io.portflow.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Frame;
import io.portflow.capture.testing.Hex;
import io.portflow.capture.testing.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipCaptureTest {
  private static final String PCAP = """
      d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000
      01000000 00000000 04000000 3c000000 deadbeef
      """;
  private static final String PCAPNG = """
      0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000
      01000000 14000000 0100 0000 00000000 14000000
      06000000 24000000 00000000 00000000 40420f00 04000000 3c000000 deadbeef 24000000
      """;
  private static final List<Frame> ONE_FRAME = List.of(new Frame(1_000_000_000L, 1, 60, "deadbeef"));

  @TempDir Path dir;

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A pcap header and {@code records} records of 1000 random (incompressible) bytes. */
  private static byte[] bigPcap(int records) {
    Random random = new Random(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Hex.bytes("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"));
    for (int i = 0; i < records; i++) {
      out.writeBytes(Hex.bytes(String.format("%08x 00000000 e8030000 e8030000", Integer.reverseBytes(i))));
      byte[] payload = new byte[1000];
      random.nextBytes(payload);
      out.writeBytes(payload);
    }
    return out.toByteArray();
  }

  private ReadResult read(String name, byte[] content) throws CaptureException {
    return Captures.read(Captures.write(dir, name, content));
  }

  @Test
  void gzippedPcap() throws Exception {
    ReadResult r = read("t.pcap.gz", gzip(Hex.bytes(PCAP)));
    assertEquals(ONE_FRAME, r.frames());
    assertTrue(r.inputs().get(0).compressed());
    assertEquals("pcap", r.inputs().get(0).format());
  }

  @Test
  void gzippedPcapng() throws Exception {
    ReadResult r = read("t.pcapng.gz", gzip(Hex.bytes(PCAPNG)));
    assertEquals(ONE_FRAME, r.frames());
    assertEquals("pcapng", r.inputs().get(0).format());
  }

  @Test
  void concatenatedGzipMembers_areOneStream() throws Exception {
    byte[] whole = Hex.bytes(PCAP);
    byte[] content = Hex.concat(gzip(Arrays.copyOf(whole, 30)), gzip(Arrays.copyOfRange(whole, 30, whole.length)));
    assertEquals(ONE_FRAME, read("t.pcap.gz", content).frames());
  }

  @Test
  void cutOffGzip_isDamageAfterTheFramesBeforeTheCut() throws Exception {
    byte[] gz = gzip(bigPcap(2000));
    ReadResult r = read("t.pcap.gz", Arrays.copyOf(gz, gz.length / 2));
    assertEquals(Kind.DAMAGED, r.error().kind());
    int delivered = r.frames().size();
    assertTrue(delivered > 900 && delivered < 1000, "frames before the cut: " + delivered);
    long offset = 24 + 1016L * delivered;
    assertEquals(dir.resolve("t.pcap.gz") + ": record " + (delivered + 1) + " at uncompressed byte offset "
        + offset + ": gzip data cut off: Unexpected end of ZLIB input stream (expected: the rest of"
        + " the gzip stream)", r.error().getMessage());
  }

  @Test
  void corruptChecksum_isDamageAfterAllFrames() throws Exception {
    byte[] gz = gzip(bigPcap(10));
    gz[gz.length - 8] ^= 0x55;  // CRC-32 of the uncompressed data
    ReadResult r = read("t.pcap.gz", gz);
    assertEquals(10, r.frames().size());
    assertEquals(dir.resolve("t.pcap.gz") + ": record 11 at uncompressed byte offset 10184: corrupt gzip data: Corrupt GZIP"
        + " trailer (expected: a valid gzip stream)", r.error().getMessage());
  }

  @Test
  void corruptDeflateData_isDamage() {
    byte[] gz = gzip(bigPcap(10));
    Arrays.fill(gz, 20, 60, (byte) 0xff);
    CaptureException e = assertThrows(CaptureException.class, () -> read("t.pcap.gz", gz));
    assertEquals(Kind.DAMAGED, e.kind());
    assertTrue(e.getMessage().startsWith(dir.resolve("t.pcap.gz") + ": at uncompressed byte offset 0:"
        + " corrupt gzip data: "), e.getMessage());
  }

  @Test
  void gzipOfNothing_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class, () -> read("t.pcap.gz", gzip(new byte[0])));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(dir.resolve("t.pcap.gz") + ": empty uncompressed content (expected: a pcap or pcapng capture)", e.getMessage());
  }

  @Test
  void gzipOfText_isNotACapture() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("t.txt.gz", gzip("hello world".getBytes())));
    assertEquals(dir.resolve("t.txt.gz") + ": not a pcap or pcapng capture: it starts with 0x68656c6c, which looks like"
        + " text (expected: 0xa1b2c3d4 or 0xa1b23c4d in either byte order, or pcapng's"
        + " 0x0a0d0d0a)", e.getMessage());
  }

  @Test
  void probe_tellsFormatAndCompression() throws Exception {
    assertEquals(new CaptureProbe("pcapng", true),
        CaptureFileOpener.probe(Captures.write(dir, "a.gz", gzip(Hex.bytes(PCAPNG)))));
    assertEquals(new CaptureProbe("pcap", false), CaptureFileOpener.probe(Captures.write(dir, "b", Hex.bytes(PCAP))));
  }
}
