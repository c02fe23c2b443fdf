package io.portflow.analyze.testing;

import io.portflow.analyze.FlowAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal capture reader for the test fixtures (the capture module is not a dependency of
 * analyze): classic pcap in microseconds or nanoseconds and either byte order, and pcapng with
 * enhanced and simple packet blocks. No error recovery: a fixture that does not parse is a bug.
 */
public final class Pcap {
  private static final int PCAPNG_SECTION = 0x0a0d0d0a;
  private static final int PCAPNG_INTERFACE = 1;
  private static final int PCAPNG_SIMPLE_PACKET = 3;
  private static final int PCAPNG_ENHANCED_PACKET = 6;
  private static final int PCAPNG_BYTE_ORDER = 0x1a2b3c4d;
  private static final int OPTION_TSRESOL = 9;

  private Pcap() {}

  /** Receives frames, in the shape of {@link FlowAnalyzer#onFrame}. */
  @FunctionalInterface
  public interface FrameConsumer {
    void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength,
        int wireLength);
  }

  /** Feeds every frame of a test resource to the analyzer; returns the number of frames. */
  public static int feed(String resource, FlowAnalyzer analyzer) {
    return feed(resource, analyzer::onFrame);
  }

  /** Feeds every frame of a test resource to {@code analyzer}; returns the number of frames. */
  public static int feed(String resource, FrameConsumer analyzer) {
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
    if (buffer.getInt(0) == PCAPNG_SECTION) {
      return feedPcapng(buffer, file, analyzer);
    }
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

  /** One pcapng interface: its link type and how many timestamp units make a second. */
  private record Interface(int linkType, long unitsPerSecond) {}

  private static int feedPcapng(ByteBuffer buffer, byte[] file, FrameConsumer analyzer) {
    List<Interface> interfaces = new ArrayList<>();
    int frames = 0;
    for (int at = 0; at + 12 <= file.length; ) {
      int type = buffer.getInt(at);
      if (type == PCAPNG_SECTION) {
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(at + 8) != PCAPNG_BYTE_ORDER) {
          buffer.order(ByteOrder.BIG_ENDIAN);
        }
        interfaces.clear();
      }
      int length = buffer.getInt(at + 4);
      int body = at + 8;
      if (type == PCAPNG_INTERFACE) {
        interfaces.add(new Interface(buffer.getShort(body) & 0xffff,
            unitsPerSecond(buffer, body + 8, at + length - 4)));
      } else if (type == PCAPNG_ENHANCED_PACKET) {
        Interface in = interfaces.get(buffer.getInt(body));
        long units = buffer.getInt(body + 4) & 0xffffffffL;
        units = units << 32 | (buffer.getInt(body + 8) & 0xffffffffL);
        long nanos = units / in.unitsPerSecond() * 1_000_000_000L
            + units % in.unitsPerSecond() * 1_000_000_000L / in.unitsPerSecond();
        analyzer.onFrame(nanos, in.linkType(), file, body + 20, buffer.getInt(body + 12),
            buffer.getInt(body + 16));
        frames++;
      } else if (type == PCAPNG_SIMPLE_PACKET) {
        int wire = buffer.getInt(body);
        int captured = Math.min(wire, length - 16);
        analyzer.onFrame(0, interfaces.get(0).linkType(), file, body + 4, captured, wire);
        frames++;
      }
      at += length;
    }
    return frames;
  }

  /** The if_tsresol option: 10^-n seconds, or 2^-n when the top bit is set; default microseconds. */
  private static long unitsPerSecond(ByteBuffer buffer, int options, int end) {
    for (int at = options; at + 4 <= end; ) {
      int code = buffer.getShort(at) & 0xffff;
      int length = buffer.getShort(at + 2) & 0xffff;
      if (code == 0) {
        break;
      }
      if (code == OPTION_TSRESOL && length >= 1) {
        int resolution = buffer.get(at + 4) & 0xff;
        return (resolution & 0x80) != 0
            ? 1L << (resolution & 0x7f)
            : (long) Math.pow(10, resolution);
      }
      at += 4 + (length + 3) / 4 * 4;
    }
    return 1_000_000;
  }
}
