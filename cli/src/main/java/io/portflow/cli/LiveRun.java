package io.portflow.cli;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.FlowSink;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.live.LiveStats;
import io.portflow.cli.options.OutputOptions;
import io.portflow.cli.output.CaptureOverview;
import io.portflow.cli.output.CsvWriter;
import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.FlowWriter;
import io.portflow.cli.output.JsonWriter;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.OutputFormat;
import io.portflow.cli.output.ProcessLookup;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.output.table.TableWriter;
import io.portflow.cli.watch.LiveScreen;
import io.portflow.cli.watch.ProcessAttribution;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzing side of one {@code portflow watch}: frames into the analyzer, each flow's local
 * processes looked up when it starts and while it is open, finished flows to the output (JSON
 * Lines at once, other formats kept for the end), and at every tick idle expiry and the live view.
 * Everything runs on the capture thread: no locks.
 */
final class LiveRun implements FlowSink {
  private final PrintWriter out;
  private final OutputOptions output;
  private final TimePrecision time;
  private final boolean color;
  private final ProcessAttribution processes;
  private final FlowAnalyzer analyzer;
  private final LiveScreen screen;
  private final Runnable stopCapture;
  private final JsonlWriter stream;
  private final List<FlowRecord> kept = new ArrayList<>();
  private final Map<Long, FlowProcesses> keptProcesses = new HashMap<>();
  private long finished;
  private boolean outputClosed;
  private LiveStats lastStats = new LiveStats(0, 0, 0, 0, 0);

  /**
   * @param color whether the table at the end uses colours
   * @param screen the live view to draw at each tick, or null for records only
   * @param stopCapture asks the capture to stop: called when nobody reads the output any more
   */
  LiveRun(PrintWriter out, OutputOptions output, AnalyzerConfig config, TimePrecision time, boolean color,
      ProcessAttribution processes, LiveScreen screen, Runnable stopCapture) throws IOException {
    this.out = out;
    this.output = output;
    this.time = time;
    this.color = color;
    this.processes = processes;
    this.screen = screen;
    this.stopCapture = stopCapture;
    boolean streaming = output.format().streams() && !output.reorders();
    this.stream = streaming ? new JsonlWriter(out, time) : null;
    this.analyzer = new FlowAnalyzer(config, this, processes::of);
  }

  /** Same shape as {@code FrameHandler}: the capture hands every frame here. */
  void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength, int wireLength) {
    analyzer.onFrame(timestampNanos, linkType, data, offset, capturedLength, wireLength);
  }

  /**
   * Finishes flows that went idle by the wall clock, looks up the processes of open flows still
   * missing one, and redraws the view.
   */
  void onTick(long nowNanos, LiveStats stats) throws IOException {
    lastStats = stats;
    analyzer.expireIdle(nowNanos);
    List<FlowRecord> open = analyzer.openFlows();
    if (screen != null) {
      screen.draw(nowNanos, stats, open, finished, processes);
    } else {
      for (FlowRecord flow : open) {
        processes.of(flow);
      }
    }
  }

  @Override
  public void flowFinished(FlowRecord flow) {
    finished++;
    FlowProcesses ends = processes.finish(flow);
    if (stream == null) {
      kept.add(flow);
      if (!ends.isEmpty()) {
        keptProcesses.put(flow.flowId(), ends);
      }
      return;
    }
    if (outputClosed) {
      return;
    }
    try {
      stream.writeFlow(flow, ends);
    } catch (IOException e) {
      outputClosed = true;
    }
    // PrintWriter swallows the EPIPE; checkError() is how it tells. Nobody reads: stop capturing.
    if (outputClosed || out.checkError()) {
      outputClosed = true;
      stopCapture.run();
    }
  }

  /**
   * Emits every flow still open (end reason {@code end-of-capture} unless it had closed), then
   * writes what was kept in the chosen format.
   *
   * @param input the interface as a capture input
   * @param filter the BPF filter, or null
   * @param error the one-line failure that ended the capture early, or null
   */
  void finish(CaptureInfo input, String filter, String error) throws IOException {
    processes.stopping();
    analyzer.finish();
    if (stream == null && !outputClosed) {
      CaptureOverview overview = new CaptureOverview(List.of(input), analyzer.summary(), "libpcap", filter, error,
          List.of());
      kept.sort(output.sort().comparator());
      List<FlowRecord> shown = kept.size() <= output.top() ? kept : kept.subList(0, output.top());
      writer().write(overview, shown);
    }
    out.flush();
  }

  /** Flow records emitted so far. */
  long finishedFlows() {
    return finished;
  }

  /** The counters of the last tick; the final ones come with the capture's result. */
  LiveStats lastStats() {
    return lastStats;
  }

  private FlowWriter writer() throws IOException {
    ProcessLookup known = flow -> keptProcesses.getOrDefault(flow.flowId(), FlowProcesses.NONE);
    OutputFormat format = output.format();
    switch (format) {
      case TABLE:
        return new TableWriter(out, time, color, output.sort());
      case JSON:
        return new JsonWriter(out, time, known);
      case JSONL:
        return new JsonlWriter(out, time, known);
      case CSV:
        return CsvWriter.withProcesses(out, time, known);
      default:
        throw new IllegalStateException("no writer for format " + format.label());
    }
  }
}
