package io.portflow.bench;

import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.analyze.decode.Segment;
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

/**
 * The decoder alone, Ethernet to TCP/UDP header, over frames already in memory: time per frame,
 * into its own segment, and into batches as the two-thread path decodes (a ring of four batches
 * of 8192 frames, so that the segments written are as far from the cache as there).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecoderBenchmark {
  static final int FRAMES = 1 << 18;
  /** As the two-thread path's batches. */
  static final int BATCH = 8192;

  private BenchCaptures.Frames frames;
  private final PacketDecoder decoder = new PacketDecoder();
  private final DecodedBatch[] ring = {
      new DecodedBatch(BATCH), new DecodedBatch(BATCH), new DecodedBatch(BATCH), new DecodedBatch(BATCH)};

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

  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public long decodeIntoBatches() {
    BenchCaptures.Frames f = frames;
    long ports = 0;
    int slot = 0;
    DecodedBatch batch = ring[0];
    batch.clear();
    for (int i = 0; i < FRAMES; i++) {
      if (batch.isFull()) {
        slot = (slot + 1) % ring.length;
        batch = ring[slot];
        batch.clear();
      }
      batch.add(decoder, f.timestamp[i], f.linkType[i], f.data, f.offset[i], f.captured[i], f.wire[i]);
      Segment segment = batch.segment(batch.size() - 1);
      if (segment != null) {
        ports += segment.srcPort();
      }
    }
    return ports;
  }
}
