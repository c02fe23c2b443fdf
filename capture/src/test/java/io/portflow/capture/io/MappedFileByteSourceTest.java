package io.portflow.capture.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileByteSourceTest {
  @TempDir Path dir;

  /** Larger than two windows, not a multiple of one. */
  private Path file(int size) throws IOException {
    byte[] bytes = new byte[size];
    new SplittableRandom(size).nextBytes(bytes);
    return Files.write(dir.resolve("big-" + size + ".bin"), bytes);
  }

  @Test
  void readsEveryByte_acrossWindows_andTheChannelPositionFollows() throws IOException {
    int size = (int) (2 * MappedFileByteSource.WINDOW + 12_345);
    Path file = file(size);
    FileChannel channel = FileChannel.open(file);
    try (ByteSource source = MappedFileByteSource.open(channel)) {
      assertTrue(source instanceof MappedFileByteSource);
      ByteArrayOutputStream out = new ByteArrayOutputStream(size);
      byte[] chunk = new byte[1_000_003];
      for (int n; (n = source.read(chunk, 0, chunk.length)) > 0; ) {
        out.write(chunk, 0, n);
        assertEquals(out.size(), channel.position());
      }
      assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
      assertEquals(-1, source.read(chunk, 0, 10));
    }
  }

  @Test
  void skip_withinAWindow_intoTheNext_andPastTheEnd() throws IOException {
    int size = (int) (MappedFileByteSource.WINDOW + 5_000_000);
    Path file = file(size);
    byte[] all = Files.readAllBytes(file);
    try (ByteSource source = MappedFileByteSource.open(FileChannel.open(file))) {
      byte[] four = new byte[4];
      source.read(four, 0, 4);
      assertEquals(100, source.skip(100));
      source.read(four, 0, 4);
      assertArrayEquals(Arrays.copyOfRange(all, 104, 108), four);
      long toNextWindow = MappedFileByteSource.WINDOW + 10 - 108;
      assertEquals(toNextWindow, source.skip(toNextWindow));
      source.read(four, 0, 4);
      assertArrayEquals(Arrays.copyOfRange(all, (int) MappedFileByteSource.WINDOW + 10,
          (int) MappedFileByteSource.WINDOW + 14), four);
      long rest = size - (MappedFileByteSource.WINDOW + 14);
      assertEquals(rest, source.skip(rest + 1000));
      assertEquals(-1, source.read(four, 0, 4));
    }
  }

  @Test
  void aFileThatGrowsWhileRead_isReadToItsNewEnd() throws IOException {
    int size = 5 << 20;
    Path file = file(size);
    try (ByteSource source = MappedFileByteSource.open(FileChannel.open(file))) {
      byte[] buffer = new byte[size];
      int read = 0;
      for (int n; read < size && (n = source.read(buffer, read, size - read)) > 0; ) {
        read += n;
      }
      Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
      byte[] more = new byte[10];
      assertEquals(3, source.read(more, 0, 10));
      assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(more, 3));
    }
  }

  @Test
  void smallFiles_areReadWithoutMapping() throws IOException {
    Path file = Files.write(dir.resolve("small.bin"), new byte[1000]);
    try (ByteSource source = MappedFileByteSource.open(FileChannel.open(file))) {
      assertTrue(source instanceof FileByteSource);
    }
  }
}
