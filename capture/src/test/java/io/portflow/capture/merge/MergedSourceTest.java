package io.portflow.capture.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.ReaderKind;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Frame;
import io.portflow.capture.testing.Hex;
import io.portflow.capture.testing.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedSourceTest {
  private static final String HEADER = "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000\n";

  @TempDir Path dir;

  /** A pcap whose records are at the given seconds, each holding one byte: {@code tag}. */
  private Path pcap(String name, int tag, int... seconds) {
    StringBuilder hex = new StringBuilder(HEADER);
    for (int s : seconds) {
      hex.append(String.format("%08x 00000000 01000000 01000000 %02x%n", Integer.reverseBytes(s), tag));
    }
    return Captures.write(dir, name, Hex.bytes(hex.toString()));
  }

  private static Frame frame(int second, int tag) {
    return new Frame(second * 1_000_000_000L, 1, 1, String.format("%02x", tag));
  }

  private static ReadResult merge(Path... files) throws Exception {
    return Captures.read(List.of(files), ReaderKind.PORTFLOW, null);
  }

  @Test
  void twoFiles_inTimestampOrder() throws Exception {
    ReadResult r = merge(pcap("a.pcap", 0xa, 1, 4, 5), pcap("b.pcap", 0xb, 2, 3, 6));
    assertEquals(List.of(frame(1, 0xa), frame(2, 0xb), frame(3, 0xb), frame(4, 0xa), frame(5, 0xa), frame(6, 0xb)),
        r.frames());
    assertNull(r.error());
  }

  @Test
  void equalTimestamps_keepTheOrderTheFilesWereGiven() throws Exception {
    ReadResult r = merge(pcap("b.pcap", 0xb, 1, 2), pcap("a.pcap", 0xa, 1, 2));
    assertEquals(List.of(frame(1, 0xb), frame(1, 0xa), frame(2, 0xb), frame(2, 0xa)), r.frames());
  }

  @Test
  void inputs_listOneCaptureInfoPerFileInTheOrderGiven() throws Exception {
    Path a = pcap("a.pcap", 0xa, 1);
    Path b = Captures.resource("pcapng-example.pcapng");
    ReadResult r = merge(a, b);
    assertEquals(2, r.inputs().size());
    assertEquals(a.toString(), r.inputs().get(0).name());
    assertEquals(List.of(1, 113), r.inputs().get(1).linkTypes());
    assertEquals(160, r.frames().size());
  }

  @Test
  void manyFiles_mergeLikeASort() throws Exception {
    List<Path> files = new ArrayList<>();
    List<Frame> expected = new ArrayList<>();
    for (int f = 0; f < 9; f++) {
      int[] seconds = {f % 3, 10 + (f * 7) % 5, 20 + (f * 5) % 9, 40};
      files.add(pcap("f" + f + ".pcap", f, seconds));
      for (int s : seconds) {
        expected.add(frame(s, f));
      }
    }
    expected.sort(Comparator.comparingLong(Frame::timestampNanos).thenComparing(Frame::hex));
    assertEquals(expected, merge(files.toArray(new Path[0])).frames());
  }

  @Test
  void damagedInput_stopsAloneAndItsErrorComesAfterEveryGoodFrame() throws Exception {
    Path damaged = Captures.write(dir, "d.pcap", Hex.bytes(HEADER
        + "01000000 00000000 01000000 01000000 0d\n"
        + "03000000 00000000 01000000 01000000 0d\n"
        + "05000000 00000000 64000000 64000000 0d\n"));  // 100 bytes claimed, 1 present
    ReadResult r = merge(damaged, pcap("b.pcap", 0xb, 2, 4, 6, 8));
    assertEquals(List.of(frame(1, 0xd), frame(2, 0xb), frame(3, 0xd), frame(4, 0xb), frame(6, 0xb), frame(8, 0xb)),
        r.frames());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(damaged + ": record 3 at byte offset 58: packet data cut off: 1 of 100 bytes present"
        + " (expected: 100, the record's captured length)",
        r.error().getMessage());
  }
}
