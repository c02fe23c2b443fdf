package io.portflow.bench;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.communityid.CommunityId;
import io.portflow.analyze.flow.FinishedFlow;
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
 * Building flow records from finished flows (roles, labels, addresses as text, Community ID,
 * Zeek's state strings), time per record, and the Community ID alone of IPv4 and IPv6 flows. The
 * flows are the first {@value #RECORDS} that finish in the capture; a finished flow may be built
 * again and again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordsBenchmark {
  static final int RECORDS = 4096;

  private final List<FinishedFlow> finished = new ArrayList<>();
  private final CommunityId ids = new CommunityId();
  private final byte[] v4a = {10, 0, 0, 2};
  private final byte[] v4b = {93, (byte) 184, (byte) 216, 34};
  private final byte[] v6a = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
  private final byte[] v6b = {0x2a, 0x03, 0x28, (byte) 0x80, 0x10, 0x10, 0x6f, 0x03, (byte) 0xfa,
      (byte) 0xce, (byte) 0xb0, 0x0c, 0, 0, 0, 2};

  @Setup
  public void setUp() {
    BenchCaptures.Frames f = BenchCaptures.frames(BenchCaptures.file("100M"), 1 << 18);
    FlowAnalyzer analyzer = FlowAnalyzer.deferringRecords(AnalyzerConfig.defaults(), finished::add);
    for (int i = 0; i < f.size; i++) {
      analyzer.onFrame(f.timestamp[i], f.linkType[i], f.data, f.offset[i], f.captured[i], f.wire[i]);
    }
    analyzer.finish();
    if (finished.size() < RECORDS) {
      throw new IllegalStateException(finished.size() + " flows (expected: >= " + RECORDS + ")");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void buildRecords(Blackhole blackhole) {
    for (int i = 0; i < RECORDS; i++) {
      blackhole.consume(finished.get(i).toRecord());
    }
  }

  @Benchmark
  public String communityIdV4() {
    return ids.of(CommunityId.TCP, v4a, 52114, v4b, 443);
  }

  @Benchmark
  public String communityIdV6() {
    return ids.of(CommunityId.TCP, v6a, 52114, v6b, 443);
  }
}
