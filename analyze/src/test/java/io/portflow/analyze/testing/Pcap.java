package io.portflow.analyze.testing;

import io.portflow.analyze.FlowAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A minimal classic-pcap reader for the test fixtures (the capture module is not a dependency of
 * analyze). Microsecond and nanosecond files, either byte order; no pcapng, no error recovery.
 */
public final class Pcap {
  private Pcap() {}

  /** Feeds every record of a test resource to the analyzer; returns the number of frames. */
  public static int feed(String resource, FlowAnalyzer analyzer) {
    byte[] file;
    try (InputStream in = Pcap.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("test resource missing: " + resource);
      }
      file = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int magic = buffer.getInt(0);
    if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      buffer.order(ByteOrder.BIG_ENDIAN);
      magic = buffer.getInt(0);
    }
    if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      throw new IllegalArgumentException(resource + ": not a pcap file, magic 0x"
          + Integer.toHexString(magic));
    }
    long fractionToNanos = magic == 0xa1b23c4d ? 1 : 1000;
    int linkType = buffer.getInt(20) & 0x0fffffff;
    int frames = 0;
    for (int at = 24; at + 16 <= file.length; frames++) {
      long seconds = Integer.toUnsignedLong(buffer.getInt(at));
      long fraction = Integer.toUnsignedLong(buffer.getInt(at + 4));
      int captured = buffer.getInt(at + 8);
      int wire = buffer.getInt(at + 12);
      analyzer.onFrame(seconds * 1_000_000_000L + fraction * fractionToNanos, linkType, file,
          at + 16, captured, wire);
      at += 16 + captured;
    }
    return frames;
  }
}
