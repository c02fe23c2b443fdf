package io.portflow.bench;

import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our pcap reader over a whole file from the page cache: open, every record handed to a handler
 * that only sums wire lengths, close. The time is per file pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReaderBenchmark {
  @Param("100M")
  public String size;

  private Path file;
  private long wireBytes;
  private final FrameHandler handler = (t, link, data, offset, captured, wire) -> wireBytes += wire;

  @Setup
  public void setUp() throws IOException {
    file = BenchCaptures.file(size);
    Files.readAllBytes(file); // into the page cache
  }

  @Benchmark
  public long readWholeFile() throws IOException {
    wireBytes = 0;
    try (FrameSource source = CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null)) {
      while (source.next(handler)) {
        // counted by the handler
      }
    }
    return wireBytes;
  }
}
