package io.portflow.bench;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.PacketDecoder;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Everything after decoding, per frame: the capture counters, the flow table (lookup, insert,
 * expiry), Zeek's TCP state and the flow records of the flows that finish, over frames decoded
 * in advance (about 6,000 connections, as they come in the first 2^18 frames of the capture);
 * and the same without the records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlowTableBenchmark {
  static final int FRAMES = 1 << 18;

  private final List<DecodedBatch> batches = new ArrayList<>();

  @Setup
  public void setUp() {
    BenchCaptures.Frames f = BenchCaptures.frames(BenchCaptures.file("100M"), FRAMES);
    PacketDecoder decoder = new PacketDecoder();
    DecodedBatch batch = null;
    for (int i = 0; i < FRAMES; i++) {
      if (batch == null || batch.isFull()) {
        batch = new DecodedBatch(4096);
        batches.add(batch);
      }
      batch.add(decoder, f.timestamp[i], f.linkType[i], f.data, f.offset[i], f.captured[i], f.wire[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public void trackFlows(Blackhole blackhole) {
    FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), blackhole::consume);
    for (DecodedBatch batch : batches) {
      analyzer.onBatch(batch);
    }
    analyzer.finish();
  }

  /**
   * The same without building the records: what the CLI's flow thread does when the reading
   * thread builds them, so that the per-segment work is not mixed with the per-flow work.
   */
  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public void trackFlowsDeferringRecords(Blackhole blackhole) {
    FlowAnalyzer analyzer =
        FlowAnalyzer.deferringRecords(AnalyzerConfig.defaults(), blackhole::consume);
    for (DecodedBatch batch : batches) {
      analyzer.onBatch(batch);
    }
    analyzer.finish();
  }
}
