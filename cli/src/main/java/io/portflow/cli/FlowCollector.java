package io.portflow.cli;

import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.FlowSink;
import io.portflow.cli.output.JsonlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Receives flows from the analyzer: either writes each at once (JSON Lines in finish order) or
 * keeps them for sorting. Notices when standard output has been closed ({@code | head}) so that
 * reading can stop.
 *
 * <p>Streamed lines are flushed when {@link #FLUSH_INTERVAL_NANOS} has passed since the last
 * flush, not line by line: a consumer still sees each flow within a tenth of a second of its
 * finishing (the first one at once), and a capture with 100,000 flows does not cost 100,000
 * system calls.
 */
final class FlowCollector implements FlowSink {
  static final long FLUSH_INTERVAL_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final JsonlWriter stream;
  private final LongSupplier clock;
  private final List<FlowRecord> kept = new ArrayList<>();
  private long lastFlushNanos;
  private boolean flushedOnce;
  private boolean outputClosed;

  private FlowCollector(PrintWriter out, JsonlWriter stream, LongSupplier clock) {
    this.out = out;
    this.stream = stream;
    this.clock = clock;
  }

  static FlowCollector keeping(PrintWriter out) {
    return new FlowCollector(out, null, System::nanoTime);
  }

  static FlowCollector streaming(PrintWriter out, JsonlWriter stream) {
    return streaming(out, stream, System::nanoTime);
  }

  /** Streaming, with {@code clock} (nanoseconds) deciding when to flush. */
  static FlowCollector streaming(PrintWriter out, JsonlWriter stream, LongSupplier clock) {
    return new FlowCollector(out, stream, clock);
  }

  @Override
  public void flowFinished(FlowRecord flow) {
    if (stream == null) {
      kept.add(flow);
      return;
    }
    if (outputClosed) {
      return;
    }
    try {
      stream.appendFlow(flow);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long now = clock.getAsLong();
    if (!flushedOnce || now - lastFlushNanos >= FLUSH_INTERVAL_NANOS) {
      flush(now);
    }
  }

  /** Pushes every streamed line out now (at the end of the run). */
  void flush() {
    if (stream != null && !outputClosed) {
      flush(clock.getAsLong());
    }
  }

  private void flush(long now) {
    try {
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastFlushNanos = now;
    flushedOnce = true;
    // PrintWriter swallows the EPIPE; checkError() is how it tells.
    outputClosed = out.checkError();
  }

  /** True once a write failed: nobody is reading any more. */
  boolean outputClosed() {
    return outputClosed;
  }

  /** The flows kept, in the order they finished. */
  List<FlowRecord> kept() {
    return kept;
  }
}
