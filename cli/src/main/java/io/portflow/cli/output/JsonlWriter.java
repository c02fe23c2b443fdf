package io.portflow.cli.output;

import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.json.Utf8JsonBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * JSON Lines: one flow record per line and nothing else, so that {@code jq -c}, {@code grep} and
 * log shippers can take records one at a time. {@link #writeFlow} flushes each line as it is
 * written, so that a consumer at the end of a pipe sees a flow as soon as it finishes;
 * {@link #appendFlow} leaves flushing to the caller.
 */
public final class JsonlWriter implements FlowWriter {
  private final Writer out;
  private final Utf8JsonBuffer buffer;
  private final Utf8Fields fields;
  private final ProcessLookup processes;

  /**
   * @param out where the lines go; when it can also take bytes ({@link Utf8Output}), they go there
   *     as the UTF-8 the encoder writes, without a character encoder between
   */
  public JsonlWriter(Writer out, TimePrecision time) throws IOException {
    this(out, time, ProcessLookup.NONE);
  }

  /** With each end's local process where {@code processes} knows it. */
  public JsonlWriter(Writer out, TimePrecision time, ProcessLookup processes) throws IOException {
    this.out = out;
    this.processes = processes;
    OutputStream bytes;
    if (out instanceof Utf8Output utf8) {
      out.flush();
      bytes = utf8.utf8Stream();
    } else {
      bytes = new DecodingStream(out);
    }
    this.buffer = new Utf8JsonBuffer(bytes);
    this.fields = new Utf8Fields(buffer, time);
  }

  /** Writes one record as one line and flushes it. */
  public void writeFlow(FlowRecord flow) throws IOException {
    writeFlow(flow, processes.of(flow));
  }

  /** Writes one record with its ends' local processes as one line and flushes it. */
  public void writeFlow(FlowRecord flow, FlowProcesses ends) throws IOException {
    appendFlow(flow, ends);
    flush();
  }

  /**
   * Writes one record as one line into the buffer, without flushing: a writer that
   * flushes every line makes a system call per flow. The caller flushes, e.g. on a timer.
   */
  public void appendFlow(FlowRecord flow) throws IOException {
    appendFlow(flow, processes.of(flow));
  }

  private void appendFlow(FlowRecord flow, FlowProcesses ends) throws IOException {
    FlowJson.write(fields, flow, ends);
    buffer.put((byte) '\n');
    buffer.sendIfFull();
  }

  /** Pushes the lines written so far to the underlying writer, and flushes that too. */
  public void flush() throws IOException {
    buffer.flush();
    out.flush();
  }

  @Override
  public void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException {
    for (FlowRecord flow : flows) {
      appendFlow(flow);
    }
    flush();
  }
}
