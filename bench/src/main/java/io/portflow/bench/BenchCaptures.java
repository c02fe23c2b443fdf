package io.portflow.bench;

import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import io.portflow.capture.synthetic.GenerateCapture;
import io.portflow.capture.synthetic.TrafficGenerator;
import io.portflow.capture.synthetic.TrafficMix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The benchmarks' inputs: generated once per size and seed, then reused by every fork. */
final class BenchCaptures {
  static final long SEED = 42;

  private BenchCaptures() {}

  /** A synthetic capture of {@code size} ("100M"), under {@code -Dportflow.bench.dir} (target/bench). */
  static Path file(String size) {
    Path dir = Path.of(System.getProperty("portflow.bench.dir", "target/bench"));
    Path file = dir.resolve("jmh-" + size + "-seed" + SEED + ".pcap");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".partial");
        TrafficGenerator.write(TrafficMix.of(SEED, GenerateCapture.parseSize(size)), partial);
        Files.move(partial, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The first {@code count} frames of {@code file}, copied into memory one after another. */
  static Frames frames(Path file, int count) {
    Frames frames = new Frames(count);
    try (FrameSource source = CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null)) {
      while (frames.size < count && source.next(frames::add)) {
        // added by the handler
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (frames.size < count) {
      throw new IllegalStateException(file + " has " + frames.size + " frames (expected: >= " + count + ")");
    }
    return frames;
  }

  /** Frames in one array: {@code data[offset[i] ..]}, with their capture facts. */
  static final class Frames {
    byte[] data = new byte[1 << 20];
    final int[] offset;
    final int[] captured;
    final int[] wire;
    final int[] linkType;
    final long[] timestamp;
    int size;
    private int used;

    Frames(int count) {
      offset = new int[count];
      captured = new int[count];
      wire = new int[count];
      linkType = new int[count];
      timestamp = new long[count];
    }

    void add(long t, int link, byte[] frame, int at, int capturedLength, int wireLength) {
      if (used + capturedLength > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, used + capturedLength));
      }
      System.arraycopy(frame, at, data, used, capturedLength);
      offset[size] = used;
      captured[size] = capturedLength;
      wire[size] = wireLength;
      linkType[size] = link;
      timestamp[size] = t;
      used += capturedLength;
      size++;
    }
  }
}
