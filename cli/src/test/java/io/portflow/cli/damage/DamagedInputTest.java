package io.portflow.cli.damage;

import static io.portflow.cli.damage.CaptureEdits.concat;
import static io.portflow.cli.damage.CaptureEdits.cut;
import static io.portflow.cli.damage.CaptureEdits.pcapRecords;
import static io.portflow.cli.damage.CaptureEdits.pcapngBlocks;
import static io.portflow.cli.damage.CaptureEdits.sample;
import static io.portflow.cli.damage.CaptureEdits.u32;
import static io.portflow.cli.damage.CaptureEdits.withU32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The damaged-input matrix: each case is a real sample capture cut or edited here at a computed
 * offset (or a real file that is not a capture), run through {@code portflow analyze} as the jar
 * runs it. Each asserts the one stderr line (file, record or block, byte offset, what was expected),
 * the exit code, and that the flows printed are exactly those of the undamaged part, read on its own.
 */
class DamagedInputTest {
  private static final String PCAP = "vlan-aerospike.pcap";  // 21 records, 2 flows, snaplen 16384
  private static final String PCAPNG = "http-ipv4-ipv6.pcapng";  // SHB, IDB, 20 EPBs, 2 flows
  private static final String GZIPPED = "linux-sll-redis.pcap";  // 150 records, 15 flows
  /** The one-thread path, and the two-thread one (decoding and the flow table apart). */
  private static final List<String> THREADS = List.of("1", "2");
  private static final String EXPECTED_MAGIC =
      " (expected: 0xa1b2c3d4 or 0xa1b23c4d in either byte order, or pcapng's 0x0a0d0d0a)";

  @TempDir Path dir;

  // ---- not a capture at all: exit 3, nothing on stdout

  @Test
  void emptyFile() throws IOException {
    assertNotACapture(write("empty.pcap", new byte[0]), "empty file (expected: a pcap or pcapng capture)");
  }

  @Test
  void shorterThanAnyHeader() throws IOException {
    assertNotACapture(write("two.pcap", cut(sample(PCAP), 2)),
        "file is only 2 bytes long (expected: at least 24, a capture file header)");
  }

  @Test
  void pcapFileHeaderCutOff() throws IOException {
    assertNotACapture(write("ten.pcap", cut(sample(PCAP), 10)),
        "pcap file header cut off: 10 of 24 bytes present (expected: 24)");
  }

  @Test
  void pcapngSectionHeaderCutOff() throws IOException {
    assertNotACapture(write("twenty.pcapng", cut(sample(PCAPNG), 20)),
        "pcapng section header block cut off: 20 of 28 bytes present (expected: 28)");
  }

  @Test
  void text() throws IOException {
    Path readme = write("README.pcap", Files.readAllBytes(CaptureEdits.ROOT.resolve("README.md")));
    assertNotACapture(readme, "not a pcap or pcapng capture: it starts with 0x2320706f, which looks like"
        + " text" + EXPECTED_MAGIC);
  }

  @Test
  void pngImage() throws IOException {
    Path png = dir.resolve("image.pcap");
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertNotACapture(png, "not a pcap or pcapng capture: it starts with 0x89504e47, which looks like"
        + " a PNG image" + EXPECTED_MAGIC);
  }

  @Test
  void elfBinary() throws IOException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    byte[] head;
    try (InputStream in = Files.newInputStream(java)) {
      head = in.readNBytes(4096);
    }
    assertNotACapture(write("java.pcap", head), "not a pcap or pcapng capture: it starts with 0x7f454c46,"
        + " which looks like an ELF binary" + EXPECTED_MAGIC);
  }

  @Test
  void pcapngFirstSectionWithUnknownByteOrderMagic() throws IOException {
    assertNotACapture(write("bom.pcapng", withU32(sample(PCAPNG), 8, 0x11223344)),
        "pcapng section header has byte-order magic 0x44332211 (expected: 0x1a2b3c4d in either byte order)");
  }

  // ---- valid and empty: exit 0, zero flows

  @Test
  void pcapWithOnlyItsHeader_isAnEmptyCapture() throws IOException {
    Path file = write("header-only.pcap", cut(sample(PCAP), 24));
    Analyze table = Analyze.run(file.toString());
    assertEquals(0, table.exitCode(), table.err());
    assertEquals("", table.err());
    assertTrue(table.out().startsWith(file + ": pcap, ethernet\n0 packets (0 B), 0 TCP, 0 flows\n"), table.out());
    Analyze jsonl = Analyze.run("--format", "jsonl", file.toString());
    assertEquals(0, jsonl.exitCode());
    assertEquals("", jsonl.out());
    Analyze json = Analyze.run("--format", "json", file.toString());
    assertTrue(json.out().contains("\"flows\": 0,") && json.out().contains("\"flows\": []"), json.out());
  }

  @Test
  void pcapngWithOnlySectionAndInterface_isAnEmptyCapture() throws IOException {
    Path file = write("header-only.pcapng", cut(sample(PCAPNG), pcapngBlocks(sample(PCAPNG)).get(2)));
    Analyze run = Analyze.run("--format", "jsonl", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals("", run.out());
  }

  // ---- pcap records: exit 4, the flows before the damage

  @Test
  void pcapCutInsideARecordHeader() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    assertDamaged("cut-header.pcap", cut(pcap, at + 7), cut(pcap, at), "record 10 at byte offset " + at
        + ": record header cut off: 7 of 16 bytes present (expected: 16, or none at the end of the file)");
  }

  @Test
  void pcapCutInsidePacketData() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    int captured = u32(pcap, at + 8);
    assertDamaged("cut-data.pcap", cut(pcap, at + 16 + 20), cut(pcap, at), "record 10 at byte offset " + at
        + ": packet data cut off: 20 of " + captured + " bytes present (expected: " + captured
        + ", the record's captured length)");
  }

  @Test
  void pcapCapturedLength0x7fffffff() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    assertDamaged("huge.pcap", withU32(pcap, at + 8, 0x7fffffff), cut(pcap, at), "record 10 at byte offset "
        + at + ": captured length 2147483647 exceeds the 262144-byte limit (expected: at most the snaplen, 16384)");
  }

  @Test
  void pcapCapturedLengthAboveTheSnaplen_isReadInFullWithOneWarning() throws IOException {
    byte[] pcap = sample(PCAP);
    List<Integer> records = pcapRecords(pcap);
    int first = -1;
    int longer = 0;
    for (int i = 0; i + 1 < records.size(); i++) {
      if (u32(pcap, records.get(i) + 8) > 64) {
        first = first < 0 ? i : first;
        longer++;
      }
    }
    Path file = write("snaplen64.pcap", withU32(pcap, 16, 64));
    Path original = write("original.pcap", pcap);
    Analyze run = Analyze.run("--format", "jsonl", file.toString());
    assertEquals(run, Analyze.run("--threads", "1", "--format", "jsonl", file.toString()));
    assertEquals(run, Analyze.run("--threads", "2", "--format", "jsonl", file.toString()));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("portflow: warning: " + file + ": record " + (first + 1) + " at byte offset " + records.get(first)
        + ": captured length " + u32(pcap, records.get(first) + 8) + " exceeds the snaplen (expected: at most 64);"
        + " read in full (and " + (longer - 1) + " more records like it)\n", run.err());
    assertEquals(Analyze.run("--format", "jsonl", original.toString()).out(), run.out(), "nothing lost");
    Analyze json = Analyze.run("--format", "json", file.toString());
    String warning = run.err().substring("portflow: warning: ".length(), run.err().length() - 1);
    assertEquals("[" + new ObjectMapper().writeValueAsString(warning) + "]",
        new ObjectMapper().readTree(json.out()).get("summary").get("warnings").toString(),
        "the json summary holds the warning of standard error");
  }

  // ---- pcapng blocks: exit 4, the flows before the damaged block

  @Test
  void pcapngBlockLengthBelow12() throws IOException {
    assertBlockDamaged("short-block.pcapng", 9, (ng, at) -> withU32(ng, at + 4, 8),
        (ng, at) -> "block total length 8 is too small (expected: at least 12)");
  }

  @Test
  void pcapngBlockLengthNotAMultipleOf4() throws IOException {
    assertBlockDamaged("odd-block.pcapng", 9, (ng, at) -> withU32(ng, at + 4, u32(ng, at + 4) + 2),
        (ng, at) -> "block total length " + (u32(ng, at + 4) + 2) + " is not a multiple of 4 (expected: "
            + u32(ng, at + 4) + " or " + (u32(ng, at + 4) + 4) + ")");
  }

  @Test
  void pcapngBlockLongerThanTheFile() throws IOException {
    assertBlockDamaged("long-block.pcapng", 9, (ng, at) -> withU32(ng, at + 4, 0x10000),
        (ng, at) -> "block total length 65536 runs past the end of the file (expected: at most "
            + (ng.length - at) + ", the bytes left)");
  }

  @Test
  void pcapngTrailingLengthDisagrees() throws IOException {
    assertBlockDamaged("trailer.pcapng", 9,
        (ng, at) -> withU32(ng, at + u32(ng, at + 4) - 4, u32(ng, at + 4) + 4),
        (ng, at) -> "trailing block length " + (u32(ng, at + 4) + 4) + " differs from the leading one"
            + " (expected: " + u32(ng, at + 4) + ")");
  }

  @Test
  void pcapngUndeclaredInterface() throws IOException {
    assertBlockDamaged("interface.pcapng", 9, (ng, at) -> withU32(ng, at + 8, 1),
        (ng, at) -> "enhanced packet block refers to interface 1, which no interface description block"
            + " declared (expected: 0 to 0, the interfaces of this section)");
  }

  @Test
  void pcapngLaterSectionWithUnknownByteOrderMagic() throws IOException {
    byte[] ng = sample(PCAPNG);
    byte[] twoSections = concat(ng, withU32(ng, 8, 0x11223344));
    int block = pcapngBlocks(ng).size();  // the first block of the second copy
    assertDamaged("second-section.pcapng", twoSections, ng, "block " + block + " at byte offset " + ng.length
        + ": section header block has unknown byte-order magic 0x44332211 (expected: 0x1a2b3c4d in either"
        + " byte order)");
  }

  @Test
  void pcapngCutInsideABlock() throws IOException {
    byte[] ng = sample(PCAPNG);
    int at = pcapngBlocks(ng).get(9);
    assertDamaged("cut.pcapng", cut(ng, at + 50), cut(ng, at), "block 10 at byte offset " + at
        + ": block total length " + u32(ng, at + 4) + " runs past the end of the file (expected: at most 50,"
        + " the bytes left)");
  }

  // ---- gzip: exit 4, every record that decompressed before the break

  @Test
  void gzipStreamCorruptMidway() throws IOException {
    byte[] pcap = sample(GZIPPED);
    int at = pcapRecords(pcap).get(74);
    assertDamaged("corrupt.pcap.gz", CaptureEdits.gzipBrokenAfter(pcap, at + 30), cut(pcap, at),
        "record 75 at uncompressed byte offset " + at + ": corrupt gzip data: invalid block type"
            + " (expected: a valid gzip stream)");
  }

  @Test
  void gzipStreamCutShort() throws IOException {
    byte[] pcap = sample(GZIPPED);
    byte[] gz = CaptureEdits.gzip(pcap);
    byte[] cutGz = cut(gz, gz.length * 2 / 3);
    List<Integer> records = pcapRecords(pcap);
    int at = CaptureEdits.lastAtMost(records, CaptureEdits.gunzippedLength(cutGz));
    assertDamaged("cut.pcap.gz", cutGz, cut(pcap, at), "record " + (records.indexOf(at) + 1)
        + " at uncompressed byte offset " + at + ": gzip data cut off: Unexpected end of ZLIB input stream"
        + " (expected: the rest of the gzip stream)");
  }

  @Test
  void gzipChecksumWrong_afterEveryRecord() throws IOException {
    byte[] pcap = sample(GZIPPED);
    byte[] gz = CaptureEdits.gzip(pcap);
    gz[gz.length - 8] ^= 0x55;  // the CRC-32 in the trailer
    assertDamaged("crc.pcap.gz", gz, pcap, "record 151 at uncompressed byte offset " + pcap.length
        + ": corrupt gzip data: Corrupt GZIP trailer (expected: a valid gzip stream)");
  }

  // ---- several files: the damaged one stops alone

  @Test
  void twoFiles_theDamagedOneStopsAlone_theOtherIsReadToItsEnd() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    Path damaged = write("cut.pcap", cut(pcap, at + 7));
    Path prefix = write("prefix.pcap", cut(pcap, at));
    Path other = write("other.pcapng", sample(PCAPNG));
    Analyze run = Analyze.run("--format", "jsonl", "--sort", "start", damaged.toString(), other.toString());
    Analyze reference = Analyze.run("--format", "jsonl", "--sort", "start", prefix.toString(), other.toString());
    assertEquals("portflow: " + damaged + ": record 10 at byte offset " + at + ": record header cut off: 7 of 16"
        + " bytes present (expected: 16, or none at the end of the file)\n", run.err());
    assertEquals(4, run.exitCode());
    assertEquals(reference.out(), run.out());
    assertEquals(3, run.outLines(), "one flow before the damage, two in the other file");
  }

  // ---- what the user sees around the error line

  @Test
  void table_showsTheFlowsBeforeTheDamage_thenTheErrorLine() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    Path damaged = write("cut.pcap", cut(pcap, at + 7));
    Path prefix = write("prefix.pcap", cut(pcap, at));
    Analyze run = Analyze.run(damaged.toString());
    assertEquals(4, run.exitCode());
    assertEquals(Analyze.run(prefix.toString()).out().replace(prefix.toString(), damaged.toString()), run.out());
    assertTrue(run.out().contains("\n0    50  10.0.0.1:53226 eph  10.0.0.2:3000 hbci/reg"), run.out());
    assertEquals(1, run.err().split("\n").length, run.err());
  }

  @Test
  void json_summaryCarriesTheSameErrorLine() throws IOException {
    byte[] pcap = sample(PCAP);
    int at = pcapRecords(pcap).get(9);
    Path damaged = write("cut.pcap", cut(pcap, at + 7));
    Analyze run = Analyze.run("--format", "json", damaged.toString());
    assertEquals(4, run.exitCode());
    String line = run.err().substring("portflow: ".length(), run.err().length() - 1);
    assertTrue(run.out().contains("\"error\": \"" + line + "\""), run.out());
  }

  @Test
  void debug_addsTheStackTrace_withoutItNone() throws IOException {
    byte[] pcap = sample(PCAP);
    Path damaged = write("cut.pcap", cut(pcap, pcapRecords(pcap).get(9) + 7));
    Analyze plain = Analyze.run(damaged.toString());
    Analyze debug = Analyze.run("--debug", damaged.toString());
    assertEquals(4, debug.exitCode());
    assertEquals(plain.out(), debug.out());
    assertTrue(debug.err().startsWith(plain.err() + "io.portflow.capture.CaptureException: "
        + plain.err().substring("portflow: ".length()) + "\tat "), debug.err());
    assertTrue(debug.err().contains("\n\tat io.portflow.capture.pcap.PcapReader.readRecord("), debug.err());
    Path notACapture = write("text.pcap", "hello\n".getBytes());
    Analyze debugOpen = Analyze.run("--debug", notACapture.toString());
    assertEquals(3, debugOpen.exitCode());
    assertTrue(debugOpen.err().contains("\n\tat io.portflow.capture."), debugOpen.err());
  }

  // ---- helpers

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static void assertNotACapture(Path file, String problem) {
    for (String threads : THREADS) {
      Analyze run = Analyze.run("--threads", threads, file.toString());
      assertEquals("portflow: " + file + ": " + problem + "\n", run.err());
      assertEquals(3, run.exitCode());
      assertEquals("", run.out());
    }
  }

  /**
   * Runs {@code damaged} and {@code prefix} (the same capture cut before the damage) and checks the
   * error line, exit code 4, and that both print the same flows: everything before the damage.
   */
  private void assertDamaged(String name, byte[] damaged, byte[] prefix, String problem) throws IOException {
    Path file = write(name, damaged);
    Path good = write("prefix-" + name.replace(".gz", ""), prefix);
    Analyze reference = Analyze.run("--format", "jsonl", good.toString());
    assertEquals(0, reference.exitCode(), reference.err());
    for (String threads : THREADS) {
      Analyze run = Analyze.run("--threads", threads, "--format", "jsonl", file.toString());
      assertEquals("portflow: " + file + ": " + problem + "\n", run.err(), threads + " threads");
      assertEquals(4, run.exitCode(), threads + " threads");
      assertEquals(reference.out(), run.out(), "the flows of the part before the damage, " + threads + " threads");
    }
  }

  /** Edits block {@code block} (1-based) of the sample pcapng; the blocks before it are the prefix. */
  private void assertBlockDamaged(String name, int block, Edit edit, Problem problem) throws IOException {
    byte[] ng = sample(PCAPNG);
    int at = pcapngBlocks(ng).get(block - 1);
    assertDamaged(name, edit.apply(ng, at), cut(ng, at),
        "block " + block + " at byte offset " + at + ": " + problem.at(ng, at));
  }

  private interface Edit {
    byte[] apply(byte[] capture, int blockOffset);
  }

  private interface Problem {
    String at(byte[] capture, int blockOffset);
  }
}
