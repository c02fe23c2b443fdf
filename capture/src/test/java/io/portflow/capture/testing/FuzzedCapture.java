package io.portflow.capture.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.file.CaptureFileOpener;
import io.portflow.capture.io.ByteSource;
import io.portflow.capture.io.CorruptInputException;
import io.portflow.capture.io.GzipByteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads fuzzer-made bytes the way a capture file is read (gzip detection, magic, pcap or pcapng
 * reader) and fails on anything a user would see as a crash: an exception other than a {@link
 * CaptureException}, a message that does not say file, place and expectation on one line, a frame
 * outside its buffer, more frames than the bytes can hold, a window larger than twice the bytes
 * read, or a frame after the error.
 */
public final class FuzzedCapture {
  public static final String NAME = "fuzz.cap";

  /**
   * 16: every record spans refills, so the window slides and grows; 4096: what a file of the
   * input's size gets (the opener sizes the buffer by the file, at least 4 KiB).
   */
  private static final int[] CAPACITIES = {16, 4096};
  private static final Pattern DAMAGE = Pattern.compile(
      Pattern.quote(NAME) + ": ((record|block) \\d+ at|at uncompressed) (uncompressed )?byte offset \\d+: [^\\n]+");
  private static final Pattern NOT_A_CAPTURE = Pattern.compile(Pattern.quote(NAME) + ": [^\\n]+");
  /** pcap records take at least 16 bytes, pcapng packet blocks at least 16. */
  private static final int SMALLEST_RECORD = 16;

  private FuzzedCapture() {}

  /** True when {@code input} starts with pcapng's section header block type. */
  public static boolean isPcapng(byte[] input) {
    return input.length >= 4 && input[0] == 0x0a && input[1] == 0x0d && input[2] == 0x0d && input[3] == 0x0a;
  }

  /** Reads {@code input} to its end or its first error with each buffer capacity. */
  public static void read(byte[] input) throws IOException {
    for (int capacity : CAPACITIES) {
      read(input, capacity);
    }
  }

  private static void read(byte[] input, int capacity) throws IOException {
    boolean gzip = input.length >= 2 && (input[0] & 0xff) == 0x1f && (input[1] & 0xff) == 0x8b;
    Counting source;
    try {
      source = new Counting(gzip
          ? new GzipByteSource(new ByteArrayInputStream(input))
          : new ArrayByteSource(input, capacity == 16 ? 7 : Integer.MAX_VALUE));
    } catch (CorruptInputException e) {
      return;  // a broken gzip header: the file opener turns it into a message
    }
    FrameCursor cursor;
    try {
      cursor = CaptureFileOpener.open(NAME, source, gzip, capacity);
    } catch (CaptureException e) {
      assertTrue(e.kind() == Kind.NOT_A_CAPTURE || e.kind() == Kind.DAMAGED, e.kind() + ": " + e.getMessage());
      assertMessage(e);
      return;
    }
    try (cursor) {
      long frames = 0;
      while (advance(cursor)) {
        checkFrame(cursor, source.count);
        frames++;
        assertTrue(gzip || frames <= input.length / SMALLEST_RECORD, frames + " frames in " + input.length + " bytes");
      }
      assertFalse(cursor.advance(), "a frame after the end or the error");
      assertNotNull(cursor.info());
      for (String warning : cursor.warnings()) {
        assertTrue(DAMAGE.matcher(warning).matches() && warning.contains(" (expected: "), warning);
      }
      assertTrue(cursor.data().length <= Math.max(capacity, 2 * source.count),
          "a " + cursor.data().length + "-byte window for " + source.count + " bytes read");
    }
  }

  private static boolean advance(FrameCursor cursor) throws IOException {
    try {
      return cursor.advance();
    } catch (CaptureException e) {
      assertEquals(Kind.DAMAGED, e.kind(), e.getMessage());
      assertMessage(e);
      return false;
    }
  }

  private static void checkFrame(FrameCursor cursor, long bytesRead) {
    byte[] data = cursor.data();
    int offset = cursor.offset();
    int captured = cursor.capturedLength();
    assertTrue(offset >= 0 && captured >= 0 && offset <= data.length - captured,
        "frame at " + offset + " of " + captured + " bytes in a " + data.length + "-byte buffer");
    assertTrue(captured <= bytesRead, captured + " bytes captured of " + bytesRead + " read");
    assertTrue(cursor.linkType() >= 0 && cursor.linkType() <= 0xffff, "link type " + cursor.linkType());
  }

  private static void assertMessage(CaptureException e) {
    Pattern expected = e.kind() == Kind.DAMAGED ? DAMAGE : NOT_A_CAPTURE;
    assertTrue(expected.matcher(e.getMessage()).matches(), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
    assertTrue(e.getMessage().contains(" (expected: "), "says what was expected: " + e.getMessage());
  }

  /** Counts the bytes the reader took, to bound its window by them. */
  private static final class Counting implements ByteSource {
    private final ByteSource source;
    long count;

    Counting(ByteSource source) {
      this.source = source;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      int n = source.read(target, offset, length);
      count += Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = source.skip(n);
      count += skipped;
      return skipped;
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }
}
