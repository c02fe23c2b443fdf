package io.portflow.cli;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.capture.CaptureException;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import io.portflow.cli.options.OutputOptions;
import io.portflow.cli.output.CaptureOverview;
import io.portflow.cli.output.CsvWriter;
import io.portflow.cli.output.FlowWriter;
import io.portflow.cli.output.JsonWriter;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.OutputFormat;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.output.table.TableWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * One pass over an open source: frames into the analyzer, flows into the chosen writer. A source
 * that fails part-way still has its flows printed; the failure is handed back for the caller to
 * report after them.
 */
final class AnalysisRun {
  private final PrintWriter out;
  private final OutputOptions output;
  private final boolean color;
  private final AnalyzerConfig config;
  private final String reader;
  private final String filter;
  private final int threads;

  AnalysisRun(PrintWriter out, OutputOptions output, boolean color, AnalyzerConfig config,
      String reader, String filter) {
    this(out, output, color, config, reader, filter, 1);
  }

  /** @param threads 1: everything on this thread; 2 or more: the {@link DecodePipeline} */
  AnalysisRun(PrintWriter out, OutputOptions output, boolean color, AnalyzerConfig config,
      String reader, String filter, int threads) {
    this.out = out;
    this.output = output;
    this.color = color;
    this.config = config;
    this.reader = reader;
    this.filter = filter;
    this.threads = threads;
  }

  /**
   * Reads {@code source} to its end and prints the flows.
   *
   * @return why reading stopped early, or null when it did not (or when nobody reads the output
   *     any more, which is not worth a message)
   */
  Failure run(FrameSource source) throws IOException {
    return run(source, () -> {});
  }

  /** As {@link #run(FrameSource)}; {@code afterReading} runs when the input is read, before output that waited for it. */
  Failure run(FrameSource source, Runnable afterReading) throws IOException {
    TimePrecision time = TimePrecision.of(source.inputs());
    boolean streaming = output.format().streams() && !output.reorders();
    FlowCollector collector = streaming
        ? FlowCollector.streaming(out, new JsonlWriter(out, time))
        : FlowCollector.keeping(out);
    Failure stopped;
    FlowAnalyzer analyzer;
    if (threads >= 2) {
      DecodePipeline pipeline = new DecodePipeline(config, collector);
      analyzer = pipeline.analyzer();
      stopped = pipeline.read(source);
    } else {
      analyzer = new FlowAnalyzer(config, collector);
      stopped = read(source, analyzer::onFrame, collector);
    }
    afterReading.run();
    if (collector.outputClosed()) {
      return null;
    }
    analyzer.finish();
    collector.flush();
    if (!streaming) {
      CaptureOverview overview = new CaptureOverview(source.inputs(), analyzer.summary(), reader,
          filter, stopped == null ? null : stopped.getMessage(), source.warnings());
      writer(TimePrecision.of(overview.inputs())).write(overview, sortedAndCut(collector.kept()));
    }
    out.flush();
    return out.checkError() ? null : stopped;
  }

  private static Failure read(FrameSource source, FrameHandler handler, FlowCollector collector) {
    try {
      while (!collector.outputClosed() && source.next(handler)) {
        // the handler did the work
      }
      return null;
    } catch (CaptureException e) {
      return Failure.of(e);
    } catch (IOException e) {
      return readError(source, e);
    }
  }

  /** A read that failed with something other than a {@link CaptureException}. */
  static Failure readError(FrameSource source, IOException e) {
    return new Failure(ExitCodes.DAMAGED, "error reading " + names(source) + ": " + e.getMessage(), e);
  }

  private List<FlowRecord> sortedAndCut(List<FlowRecord> flows) {
    flows.sort(output.sort().comparator());
    return flows.size() <= output.top() ? flows : flows.subList(0, output.top());
  }

  private FlowWriter writer(TimePrecision time) throws IOException {
    OutputFormat format = output.format();
    switch (format) {
      case TABLE:
        return new TableWriter(out, time, color, output.sort());
      case JSON:
        return new JsonWriter(out, time);
      case JSONL:
        return new JsonlWriter(out, time);
      case CSV:
        return new CsvWriter(out, time);
      default:
        throw new IllegalStateException("no writer for format " + format.label());
    }
  }

  private static String names(FrameSource source) {
    StringBuilder names = new StringBuilder();
    source.inputs().forEach(i -> names.append(names.length() == 0 ? "" : ", ").append(i.name()));
    return names.toString();
  }
}
