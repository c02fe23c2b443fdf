package io.portflow.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetsTest {
  @TempDir Path dir;

  @Test
  void sumsTheOffsetsOfOpenFiles_andKeepsThoseOfClosedOnes() throws IOException {
    Path a = Files.write(dir.resolve("a.pcap"), new byte[10_000]);
    Path b = Files.write(dir.resolve("b.pcap"), new byte[5_000]);
    FileOffsets offsets = new FileOffsets(List.of(a, b));
    assumeTrue(offsets.available(), "no /proc/self/fdinfo: not Linux");
    assertEquals(15_000, offsets.total());
    assertEquals(0, offsets.read());
    try (FileChannel first = FileChannel.open(a); FileChannel second = FileChannel.open(b)) {
      first.read(ByteBuffer.allocate(4_000));
      second.read(ByteBuffer.allocate(1_000));
      assertEquals(5_000, offsets.read());
      first.read(ByteBuffer.allocate(6_000));
      assertEquals(11_000, offsets.read());
    }
    assertEquals(11_000, offsets.read(), "closed files keep what was read");
  }
}
