package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapFileWriterTest {
  @TempDir Path dir;

  @Test
  void fileHeader_nanosecondMagicSnaplenLinkType() {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixture is little-endian");
    assertEquals("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "01000000",
        HexFormat.of().formatHex(PcapFileWriter.fileHeader(1, 262144, true)));
    assertEquals("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "40000000" + "71000000",
        HexFormat.of().formatHex(PcapFileWriter.fileHeader(113, 64, false)));
  }

  @Test
  void record_keepsWireLengthOfACutFrame() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixture is little-endian");
    Path file = dir.resolve("cut.pcap");
    byte[] frame = HexFormat.of().parseHex("00112233445566778899aabb0800");
    try (PcapFileWriter w = PcapFileWriter.create(file, 1, 14, true)) {
      w.write(1_700_000_000_123_456_789L, frame, 0, frame.length, 1514);
    }
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(24 + 16 + 14, bytes.length);
    // seconds 1700000000 = 0x6553f100, nanoseconds 123456789 = 0x075bcd15, caplen 14, len 1514
    assertEquals("00f15365" + "15cd5b07" + "0e000000" + "ea050000",
        HexFormat.of().formatHex(bytes, 24, 40));
  }

  @Test
  void roundTrip_microsecondsTruncateTheFraction() throws Exception {
    Path file = dir.resolve("micro.pcap");
    byte[] a = {1, 2, 3, 4};
    byte[] b = new byte[100];
    try (PcapFileWriter w = PcapFileWriter.create(file, 101, 65535, false)) {
      w.write(5_000_000_999L, a, 1, 3, 3);
      w.write(6_123_456_789L, b, 0, 100, 100);
    }
    TestPcap.File read = TestPcap.read(file);
    assertEquals(101, read.linkType());
    assertEquals(65535, read.snaplen());
    assertFalse(read.nanos());
    assertEquals(List.of(
        new TestPcap.Frame(5_000_000_000L, 101, 3, new byte[] {2, 3, 4}),
        new TestPcap.Frame(6_123_456_000L, 101, 100, b)), read.frames());
  }

  @Test
  void tcpdumpReadsWhatWeWrite() throws Exception {
    Privileges.assumeTool("tcpdump");
    Path file = dir.resolve("arp.pcap");
    // A broadcast ARP request for 10.77.0.2 from 10.77.0.1.
    byte[] arp = HexFormat.of().parseHex("ffffffffffff02000000000108060001080006040001"
        + "020000000001" + "0a4d0001" + "000000000000" + "0a4d0002");
    try (PcapFileWriter w = PcapFileWriter.create(file, 1, 262144, true)) {
      w.write(1_700_000_000_000_000_001L, arp, 0, arp.length, arp.length);
    }
    String out = Commands.run("tcpdump", "-nn", "-tt", "--nano", "-r", file.toString());
    assertTrue(out.contains("1700000000.000000001 ARP, Request who-has 10.77.0.2 tell 10.77.0.1, length 28"), out);
    assertArrayEquals(arp, TestPcap.read(file).frames().get(0).data());
  }
}
