package io.portflow.capture.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReadBufferTest {
  /** Hands out {@code data} at most {@code chunk} bytes per read. */
  private static final class SlowSource implements ByteSource {
    private final byte[] data;
    private final int chunk;
    private int position;

    SlowSource(byte[] data, int chunk) {
      this.data = data;
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position == data.length) {
        return -1;
      }
      int n = Math.min(chunk, Math.min(length, data.length - position));
      System.arraycopy(data, position, target, offset, n);
      position += n;
      return n;
    }

    @Override
    public long skip(long count) {
      int n = (int) Math.min(count, data.length - position);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @Test
  void request_readsAcrossChunks() throws IOException {
    ReadBuffer in = new ReadBuffer(new SlowSource(counting(100), 7), 64);
    assertTrue(in.request(20));
    assertEquals(0, in.array()[in.position()]);
    in.consume(10);
    assertEquals(10, in.offset());
    assertEquals(10, in.array()[in.position()]);
  }

  @Test
  void hugeRequest_growsOnlyAsBytesArrive() throws IOException {
    ReadBuffer in = new ReadBuffer(new SlowSource(counting(100), 7), 64);
    assertFalse(in.request(Integer.MAX_VALUE - 100));
    assertEquals(100, in.available());
    assertTrue(in.array().length <= 128, "buffer grew to " + in.array().length + " for 100 bytes");
  }

  @Test
  void compaction_keepsStreamOffsets() throws IOException {
    ReadBuffer in = new ReadBuffer(new SlowSource(counting(200), 50), 64);
    for (int i = 0; i < 190; i += 10) {
      assertTrue(in.request(10));
      assertEquals(i, in.offset());
      assertEquals((byte) i, in.array()[in.position()]);
      in.consume(10);
    }
    assertTrue(in.request(10));
    assertFalse(in.request(11));
    assertEquals(64, in.array().length);
  }

  @Test
  void recordLargerThanTheWindow_growsIt() throws IOException {
    ReadBuffer in = new ReadBuffer(new SlowSource(counting(300), 64), 64);
    in.request(1);
    in.consume(1);
    assertTrue(in.request(250));
    assertEquals(1, in.offset());
    assertEquals(Arrays.toString(Arrays.copyOfRange(counting(300), 1, 251)),
        Arrays.toString(Arrays.copyOfRange(in.array(), in.position(), in.position() + 250)));
  }

  @Test
  void skip_pastTheWindowAndTheEnd() throws IOException {
    ReadBuffer in = new ReadBuffer(new SlowSource(counting(200), 50), 64);
    in.request(10);
    assertEquals(150, in.skip(150));
    assertEquals(150, in.offset());
    assertTrue(in.request(10));
    assertEquals((byte) 150, in.array()[in.position()]);
    assertEquals(50, in.skip(80));
    assertEquals(200, in.offset());
    assertFalse(in.request(1));
  }
}
