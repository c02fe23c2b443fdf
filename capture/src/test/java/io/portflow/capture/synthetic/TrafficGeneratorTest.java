package io.portflow.capture.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficGeneratorTest {
  @TempDir Path dir;

  @Test
  void sameSeed_sameBytes_otherSeed_otherBytes() throws IOException {
    Path a = dir.resolve("a.pcap");
    Path b = dir.resolve("b.pcap");
    Path c = dir.resolve("c.pcap");
    TrafficGenerator.write(TrafficMix.of(7, 300_000), a);
    TrafficGenerator.write(TrafficMix.of(7, 300_000), b);
    TrafficGenerator.write(TrafficMix.of(8, 300_000), c);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
  }

  @Test
  void fileStopsAtTheTargetSize_andOurReaderReadsEveryFrame() throws IOException {
    Path file = dir.resolve("g.pcap");
    GeneratedCapture generated =
        TrafficGenerator.write(TrafficMix.of(1, 2_000_000).withConcurrency(50), file);
    long size = Files.size(file);
    assertEquals(size, generated.bytes());
    assertTrue(size <= 2_000_000 && size > 2_000_000 - 2048, "size " + size);
    long[] frames = new long[2];
    try (FrameSource source = CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null)) {
      while (source.next((t, link, data, offset, captured, wire) -> {
        frames[0]++;
        frames[1] += wire;
      })) {
        // counted above
      }
    }
    assertEquals(generated.frames(), frames[0]);
    assertEquals(size - 24 - 16 * generated.frames(), frames[1]);
    assertTrue(generated.tcpConnections() > 50, "connections " + generated.tcpConnections());
    assertTrue(generated.dnsLookups() > 0 && generated.tcpFrames() < generated.frames());
  }
}
