package io.portflow.bench;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.Writer;
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

/** The JSON Lines writer: time per flow record, written to a writer that drops the characters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonlBenchmark {
  static final int RECORDS = 4096;

  private final List<FlowRecord> records = new ArrayList<>();
  private JsonlWriter writer;

  @Setup
  public void setUp() throws IOException {
    BenchCaptures.Frames f = BenchCaptures.frames(BenchCaptures.file("100M"), 1 << 18);
    FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), records::add);
    for (int i = 0; i < f.size; i++) {
      analyzer.onFrame(f.timestamp[i], f.linkType[i], f.data, f.offset[i], f.captured[i], f.wire[i]);
    }
    analyzer.finish();
    if (records.size() < RECORDS) {
      throw new IllegalStateException(records.size() + " records (expected: >= " + RECORDS + ")");
    }
    writer = new JsonlWriter(Writer.nullWriter(), TimePrecision.MICROS);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void writeRecords() throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      writer.writeFlow(records.get(i));
    }
  }
}
