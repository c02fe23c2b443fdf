package io.portflow.cli;

import io.portflow.capture.CaptureException;
import io.portflow.capture.FrameSource;
import io.portflow.cli.options.AnalysisOptions;
import io.portflow.cli.options.DebugOption;
import io.portflow.cli.options.InputOptions;
import io.portflow.cli.options.OutputOptions;
import io.portflow.cli.options.RunOptions;
import io.portflow.cli.output.table.StateWords;
import io.portflow.cli.progress.ProgressReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code portflow analyze FILE...}: the TCP flows in saved captures. Its picocli model is built
 * with the programmatic API ({@link #spec()}) rather than from annotations: reading annotations by
 * reflection (a proxy class per annotation type, interpreted at start-up) was most of the CPU a
 * small analysis spent before reading its first packet.
 */
public final class AnalyzeCommand implements Callable<Integer> {
  static final String NAME = "analyze";

  private final PositionalParamSpec files = PositionalParamSpec.builder()
      .paramLabel("FILE").arity("1..*").required(true).type(List.class).auxiliaryTypes(Path.class)
      .description("pcap or pcapng capture files, optionally gzip-compressed; a directory "
          + "stands for every capture file in it, a quoted glob ('rotated/*.pcap*') for the "
          + "files it matches.")
      .build();

  private final OutputOptions output = new OutputOptions();
  private final InputOptions input = new InputOptions();
  private final AnalysisOptions analysis = new AnalysisOptions();
  private final RunOptions run = new RunOptions();
  private final DebugOption debug = new DebugOption();

  private final Terminal terminal;
  private final SourceOpener opener;
  private CommandSpec spec;

  /** With the real capture files and no terminal. */
  public AnalyzeCommand() {
    this(Terminal.none(), SourceOpener.FILES);
  }

  AnalyzeCommand(Terminal terminal, SourceOpener opener) {
    this.terminal = terminal;
    this.opener = opener;
  }

  /** The command's model, for {@code new CommandLine(spec)}: options in the order {@code --help} lists them. */
  CommandSpec spec() {
    spec = CommandSpec.wrapWithoutInspection(this).name(NAME).versionProvider(new ManifestVersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Print the TCP flows in capture files: client and server with their port labels, packets "
                + "and bytes each way, duration and state.",
            "Several files (or a directory of rotated captures) are read as one capture, merged in "
                + "timestamp order: a connection that spans files is one flow.")
        .footerHeading("%nExamples:%n")
        .footer(
            "  portflow analyze capture.pcapng",
            "  portflow analyze --sort bytes --top 10 day1.pcap day2.pcap",
            "  portflow analyze --filter 'tcp port 443' capture.pcap",
            "  portflow analyze --format jsonl capture.pcap | jq -c .server");
    spec.addPositional(files);
    spec.addMixin("output", output.mixin());
    spec.addMixin("input", input.mixin());
    spec.addMixin("analysis", analysis.mixin());
    spec.addMixin("run", run.mixin());
    spec.addMixin("debug", debug.mixin());
    spec.addMixin("exitCodes", ExitCodeHelp.mixin());
    HelpOptions.addTo(spec);
    return spec;
  }

  /**
   * Adds the state legend ({@link StateWords#legend()}) to {@code analyze --help}, before the exit
   * codes: built from the words the table uses, so the two cannot drift apart.
   */
  static void addStateLegend(CommandLine analyze) {
    String key = "stateLegend";
    analyze.getHelpSectionMap().put(key, new StateLegend());
    List<String> keys = new ArrayList<>(analyze.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), key);
    analyze.setHelpSectionKeys(keys);
  }

  /**
   * The legend section. A class rather than a lambda: a lambda of picocli's pre-Java-6 interface
   * would keep it, and the classes of picocli's own sections, out of the class-data archive.
   */
  private static final class StateLegend implements IHelpSectionRenderer {
    @Override
    public String render(Help help) {
      String newline = System.lineSeparator();
      return newline + String.join(newline, StateWords.legend()) + newline;
    }
  }

  @Override
  public Integer call() throws IOException {
    try {
      List<Path> inputs = InputFiles.expand(files.getValue());
      InputFiles.check(inputs);
      try (FrameSource source = open(inputs)) {
        boolean color = output.color().enabled(terminal.interactive(), terminal.noColor());
        AnalysisRun analysisRun = new AnalysisRun(spec.commandLine().getOut(), output, color,
            analysis.config(), input.reader().label(), input.filter(), run.threads());
        Failure stopped;
        try (ProgressReporter progress = progress(inputs)) {
          stopped = analysisRun.run(source, progress::close);
        }
        warn(source.warnings());
        if (stopped != null) {
          return report(stopped);
        }
      }
      return ExitCodes.OK;
    } catch (Failure failure) {
      return report(failure);
    }
  }

  /** The progress bar when asked for and standard error is a terminal; else one that draws nothing. */
  private ProgressReporter progress(List<Path> inputs) {
    boolean wanted = run.progress() && terminal.errInteractive();
    return wanted ? ProgressReporter.start(spec.commandLine().getErr(), inputs) : ProgressReporter.none();
  }

  private FrameSource open(List<Path> inputs) throws Failure {
    try {
      return opener.open(inputs, input.reader(), input.filter());
    } catch (CaptureException e) {
      throw Failure.of(e);
    } catch (NoSuchFileException e) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + e.getFile() + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + e.getFile() + ": permission denied", e);
    } catch (IOException e) {
      throw new Failure(ExitCodes.CANNOT_READ, "cannot read " + inputs + ": " + e.getMessage(), e);
    }
  }

  /** Problems the reader worked around: every frame was read, so they change no exit code. */
  private void warn(List<String> warnings) {
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : warnings) {
      err.println("portflow: warning: " + warning);
    }
    err.flush();
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
