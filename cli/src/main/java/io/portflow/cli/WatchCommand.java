package io.portflow.cli;

import io.portflow.analyze.LinkTypes;
import io.portflow.capture.CaptureException;
import io.portflow.capture.live.LiveCapture;
import io.portflow.capture.live.LiveOptions;
import io.portflow.capture.live.LiveResult;
import io.portflow.capture.live.LiveStats;
import io.portflow.capture.live.StopReason;
import io.portflow.cli.options.AnalysisOptions;
import io.portflow.cli.options.DebugOption;
import io.portflow.cli.options.LiveCaptureOptions;
import io.portflow.cli.options.OutputOptions;
import io.portflow.cli.output.OutputFormat;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.watch.LiveScreen;
import io.portflow.cli.watch.ProcessAttribution;
import io.portflow.cli.watch.ProcessResolver;
import io.portflow.cli.watch.TerminalSize;
import io.portflow.cli.watch.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portflow watch -i IFACE}: the TCP flows of a live interface, as they happen. */
@Command(
    name = "watch",
    versionProvider = ManifestVersionProvider.class,
    sortOptions = false,
    description = {
      "Watch the TCP flows on a live interface. On a terminal, a view redrawn a few times a second "
          + "shows the busiest open flows with their rates, state and local process, and packets "
          + "and drops below; at the end the flows are printed as analyze prints them. Otherwise "
          + "(a pipe, or --format json, jsonl or csv) only records are written: with jsonl each "
          + "flow as it finishes.",
      "Ctrl-C or SIGTERM stops: every open flow is written (end_reason end-of-capture unless it "
          + "had closed), the final counts go to standard error, and the exit code is 0.",
      "Capturing needs root, or the capabilities cap_net_raw and cap_net_admin (README: capture "
          + "without sudo).",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sudo portflow watch -i eth0",
      "  sudo portflow watch -i eth0 --filter 'tcp port 443' --write https.pcap",
      "  sudo portflow watch -i any --format jsonl --duration 60 | jq -c .server.process",
    })
public final class WatchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private LiveCaptureOptions capture;
  @Mixin private ExitCodeHelp exitCodes;
  private final OutputOptions output = new OutputOptions();
  private final AnalysisOptions analysis = new AnalysisOptions();
  private final DebugOption debug = new DebugOption();

  private final Terminal terminal;
  private final StopHook stopHook;

  /** No terminal, no signal handlers: what tests running it in their own JVM want. */
  public WatchCommand() {
    this(Terminal.none(), StopHook.NONE);
  }

  WatchCommand(Terminal terminal, StopHook stopHook) {
    this.terminal = terminal;
    this.stopHook = stopHook;
  }

  /**
   * Adds to the model read from the annotations the options shared with {@code analyze}, which
   * are built with picocli's programmatic API, then {@code -h} and {@code -V}: the order
   * {@code --help} lists them in.
   */
  void addSharedOptions(CommandSpec watch) {
    watch.addMixin("output", output.mixin());
    watch.addMixin("analysis", analysis.mixin());
    watch.addMixin("debug", debug.mixin());
    HelpOptions.addTo(watch);
  }

  @Override
  public Integer call() throws IOException {
    LiveOptions options;
    try {
      options = capture.liveOptions();
    } catch (IllegalArgumentException e) {
      return report(new Failure(ExitCodes.USAGE, e.getMessage(), e));
    }
    try (LiveCapture live = open(options)) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("portflow: " + startLine(live));
      err.flush();
      stopHook.install(live::stop);
      boolean color = output.color().enabled(terminal.interactive(), terminal.noColor());
      LiveScreen screen = liveView() ? new LiveScreen(spec.commandLine().getOut(), options.interfaceName(),
          options.filter(), color, TerminalSize::detect) : null;
      LiveRun run = new LiveRun(spec.commandLine().getOut(), output, analysis.config(),
          live.nanosecondTimestamps() ? TimePrecision.NANOS : TimePrecision.MICROS, color,
          new ProcessAttribution(ProcessResolver.system()), screen, live::stop);
      return watch(live, run, screen);
    } catch (Failure failure) {
      return report(failure);
    }
  }

  /** Runs the capture to its stop, then writes the flows and the final counts. */
  private int watch(LiveCapture live, LiveRun run, LiveScreen screen) throws IOException {
    Failure failed = null;
    LiveResult result = null;
    if (screen != null) {
      screen.open();
    }
    try {
      result = live.run(run::onFrame, run::onTick, capture.stopCondition());
    } catch (CaptureException e) {
      failed = failure(e);
    } finally {
      if (screen != null) {
        screen.close();
      }
    }
    run.finish(live.info(), capture.filter(), failed == null ? null : failed.getMessage());
    PrintWriter err = spec.commandLine().getErr();
    err.println("portflow: " + finalCounts(live, run, result));
    err.flush();
    return failed == null ? ExitCodes.OK : report(failed);
  }

  /** The live view on a terminal, for the table format; records only everywhere else. */
  private boolean liveView() {
    return terminal.interactive() && output.format() == OutputFormat.TABLE;
  }

  private LiveCapture open(LiveOptions options) throws Failure {
    try {
      return LiveCapture.open(options);
    } catch (CaptureException e) {
      throw failure(e);
    }
  }

  /** As {@link Failure#of}, but a missing libpcap is missed by live capture, not by --filter. */
  private static Failure failure(CaptureException e) {
    if (e.kind() == CaptureException.Kind.LIBPCAP_MISSING) {
      return new Failure(ExitCodes.LIBPCAP_MISSING, LIBPCAP_MISSING, e);
    }
    return Failure.of(e);
  }

  static final String LIBPCAP_MISSING = "libpcap is not installed; live capture needs it"
      + " (Debian/Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap)";

  /** "watching eth0 (ethernet, snaplen 262144, promiscuous), filter "tcp", saving to x.pcap". */
  private String startLine(LiveCapture live) {
    LiveOptions o = live.options();
    StringBuilder sb = new StringBuilder("watching ").append(o.interfaceName())
        .append(" (").append(LinkTypes.name(live.linkType()))
        .append(", snaplen ").append(o.snaplen())
        .append(o.promiscuous() ? ", promiscuous" : "")
        .append(o.immediate() ? ", immediate" : "").append(')');
    if (o.filter() != null) {
      sb.append(", filter \"").append(o.filter()).append('"');
    }
    if (o.writeFile() != null) {
      sb.append(", saving to ").append(o.writeFile());
    }
    return sb.append("; Ctrl-C stops").toString();
  }

  /**
   * "eth0: 1234 packets (1.2 MB) in 12.3 s, 17 flows; 1300 received by the filter, 0 dropped by
   * the kernel, 0 by the interface; stopped after --duration".
   */
  private static String finalCounts(LiveCapture live, LiveRun run, LiveResult result) {
    LiveStats s = result == null ? run.lastStats() : result.stats();
    String seconds = result == null ? "" : String.format(Locale.ROOT, " in %.1f s", result.seconds());
    String why = result == null ? "failed" : ended(result.reason());
    return live.options().interfaceName() + ": " + s.frames() + " packets (" + Units.bytes(s.bytes())
        + ")" + seconds + ", " + run.finishedFlows() + (run.finishedFlows() == 1 ? " flow" : " flows")
        + "; " + s.received() + " received by the filter, " + s.droppedByKernel() + " dropped by the kernel, "
        + s.droppedByInterface() + " by the interface; " + why;
  }

  private static String ended(StopReason reason) {
    switch (reason) {
      case DURATION:
        return "stopped after --duration";
      case FRAME_LIMIT:
        return "stopped after --count";
      default:
        return "stopped";
    }
  }

  private int report(Failure failure) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("portflow: " + failure.getMessage());
    if (debug.enabled()) {
      (failure.getCause() == null ? failure : failure.getCause()).printStackTrace(err);
    }
    err.flush();
    return failure.exitCode();
  }
}
