package io.portflow.bench;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.output.Utf8Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * The JSON Lines writer: time per flow record, written as UTF-8 bytes (as to standard output) to a
 * stream that drops them, appended and flushed once per batch as the CLI does. {@code jackson} is
 * the writer before the hand-made encoder, for comparison in the same run.
 */
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
  private JacksonJsonlBaseline jackson;

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
    checkSameBytes();
    writer = new JsonlWriter(new BytesOnly(OutputStream.nullOutputStream()), TimePrecision.MICROS);
    jackson = new JacksonJsonlBaseline(OutputStream.nullOutputStream(), TimePrecision.MICROS);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void handWritten() throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      writer.appendFlow(records.get(i));
    }
    writer.flush();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void jackson() throws IOException {
    for (int i = 0; i < RECORDS; i++) {
      jackson.appendFlow(records.get(i));
    }
    jackson.flush();
  }

  /** A comparison is worth something only if both write the same thing. */
  private void checkSameBytes() throws IOException {
    ByteArrayOutputStream mine = new ByteArrayOutputStream();
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    JsonlWriter w = new JsonlWriter(new BytesOnly(mine), TimePrecision.MICROS);
    JacksonJsonlBaseline j = new JacksonJsonlBaseline(theirs, TimePrecision.MICROS);
    for (int i = 0; i < RECORDS; i++) {
      w.appendFlow(records.get(i));
      j.appendFlow(records.get(i));
    }
    w.flush();
    j.flush();
    if (!Arrays.equals(mine.toByteArray(), theirs.toByteArray())) {
      throw new IllegalStateException("the encoder and the Jackson baseline differ: " + mine.size()
          + " and " + theirs.size() + " bytes (expected: the same bytes)");
    }
  }

  /** A writer whose byte stream is all JSON Lines uses, like standard output's. */
  private static final class BytesOnly extends Writer implements Utf8Output {
    private final OutputStream bytes;

    BytesOnly(OutputStream bytes) {
      this.bytes = bytes;
    }

    @Override
    public OutputStream utf8Stream() {
      return bytes;
    }

    @Override
    public void write(char[] text, int offset, int length) {
      throw new UnsupportedOperationException("characters: JSON Lines writes bytes here");
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
