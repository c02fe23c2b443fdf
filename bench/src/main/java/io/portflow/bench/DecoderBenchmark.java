package io.portflow.bench;

import io.portflow.analyze.decode.PacketDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The decoder alone, Ethernet to TCP/UDP header, over frames already in memory: time per frame. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {
  static final int FRAMES = 1 << 18;

  private BenchCaptures.Frames frames;
  private final PacketDecoder decoder = new PacketDecoder();

  @Setup
  public void setUp() {
    frames = BenchCaptures.frames(BenchCaptures.file("100M"), FRAMES);
  }

  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public long decodeFrames() {
    BenchCaptures.Frames f = frames;
    long ports = 0;
    for (int i = 0; i < FRAMES; i++) {
      if (decoder.decode(f.linkType[i], f.data, f.offset[i], f.captured[i], f.wire[i], f.timestamp[i])) {
        ports += decoder.segment().srcPort();
      }
    }
    return ports;
  }
}
