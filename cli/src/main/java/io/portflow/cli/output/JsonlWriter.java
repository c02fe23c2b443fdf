package io.portflow.cli.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portflow.analyze.FlowRecord;
import java.io.IOException;
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
  private final JsonGenerator generator;
  private final FlowJson json;
  private final ProcessLookup processes;

  /**
   * @param out where the lines go; when it can also take bytes ({@link Utf8Output}), they go there
   *     as UTF-8 from Jackson's byte generator, which costs about half of the character path with
   *     its encoder
   */
  public JsonlWriter(Writer out, TimePrecision time) throws IOException {
    this(out, time, ProcessLookup.NONE);
  }

  /** With each end's local process where {@code processes} knows it. */
  public JsonlWriter(Writer out, TimePrecision time, ProcessLookup processes) throws IOException {
    this.out = out;
    this.processes = processes;
    JsonFactory factory = new JsonFactory();
    JsonGenerator g;
    if (out instanceof Utf8Output) {
      out.flush();
      g = factory.createGenerator(((Utf8Output) out).utf8Stream(), JsonEncoding.UTF8);
    } else {
      g = factory.createGenerator(out);
    }
    this.generator = new FieldNameCache(g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .setRootValueSeparator(null)); // records are separated by our own newline
    this.json = new FlowJson(time);
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
   * Writes one record as one line into the generator's buffer, without flushing: a writer that
   * flushes every line makes a system call per flow. The caller flushes, e.g. on a timer.
   */
  public void appendFlow(FlowRecord flow) throws IOException {
    appendFlow(flow, processes.of(flow));
  }

  private void appendFlow(FlowRecord flow, FlowProcesses ends) throws IOException {
    json.write(generator, flow, ends);
    generator.writeRaw('\n');
  }

  /** Pushes the lines written so far to the underlying writer, and flushes that too. */
  public void flush() throws IOException {
    generator.flush();
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
