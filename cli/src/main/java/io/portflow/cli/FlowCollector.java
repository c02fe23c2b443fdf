package io.portflow.cli;

import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.FlowSink;
import io.portflow.cli.output.JsonlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives flows from the analyzer: either writes each at once (JSON Lines in finish order) or
 * keeps them for sorting. Notices when standard output has been closed ({@code | head}) so that
 * reading can stop.
 */
final class FlowCollector implements FlowSink {
  private final PrintWriter out;
  private final JsonlWriter stream;
  private final List<FlowRecord> kept = new ArrayList<>();
  private boolean outputClosed;

  private FlowCollector(PrintWriter out, JsonlWriter stream) {
    this.out = out;
    this.stream = stream;
  }

  static FlowCollector keeping(PrintWriter out) {
    return new FlowCollector(out, null);
  }

  static FlowCollector streaming(PrintWriter out, JsonlWriter stream) {
    return new FlowCollector(out, stream);
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
      stream.writeFlow(flow);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
