package io.portflow.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** Entry point of the runnable jar. */
public final class Main {
  /** Memory given back when the heap runs out, for saying so in one line. */
  private static byte[] reserve = new byte[64 << 10];

  private Main() {}

  public static void main(String[] args) {
    Preload.start();
    PrintWriter out = StdoutWriter.open();
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    boolean analyze = args.length > 0 && args[0].equals(AnalyzeCommand.NAME);
    CommandLine command = analyze
        ? analyzeAlone(Terminal.detect(), SourceOpener.FILES)
        : commandLine(Terminal.detect(), SourceOpener.FILES, StopHook.SIGNALS);
    command.setOut(out);
    command.setErr(err);
    int exitCode;
    try {
      exitCode = command.execute(analyze ? Arrays.copyOfRange(args, 1, args.length) : args);
    } catch (OutOfMemoryError e) {
      // picocli passes errors through. The analysis that filled the heap is unreachable by now
      // (a failing reading thread stops the flow thread first); the reserve given back leaves
      // room for the line even before the collector has run.
      reserve = null;
      exitCode = outOfMemory(err, e, List.of(args).contains("--debug"));
    }
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /** One line saying how to give the JVM more memory, instead of the JVM's stack trace. */
  static int outOfMemory(PrintWriter err, OutOfMemoryError e, boolean debug) {
    long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
    err.println("portflow: out of memory: the flows do not fit in a " + heapMiB + " MiB Java heap (expected:"
        + " a larger heap, e.g. PORTFLOW_JAVA_OPTS=-Xmx" + Math.max(1, heapMiB * 4 >> 10) + "g; --format jsonl"
        + " keeps only the flows alive at once)");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  /**
   * The command line as the jar runs it, with real capture files, no terminal and no signal
   * handlers (a {@code watch} stops by {@code --duration}, {@code --count} or a closed output).
   */
  public static CommandLine commandLine() {
    return commandLine(Terminal.none(), SourceOpener.FILES);
  }

  /** The command line for a given terminal and way of opening captures, without signal handlers. */
  public static CommandLine commandLine(Terminal terminal, SourceOpener opener) {
    return commandLine(terminal, opener, StopHook.NONE);
  }

  /**
   * {@code portflow analyze} on its own, for {@code portflow analyze ARGS} run as {@code ARGS}: the
   * same options, help, messages and exit codes as through {@link #commandLine}, without building
   * the models of the other commands (picocli builds them from their annotations, by reflection,
   * before parsing: the larger part of start-up on a small capture).
   */
  static CommandLine analyzeAlone(Terminal terminal, SourceOpener opener) {
    CommandLine command = new CommandLine(new AnalyzeCommand(terminal, opener).spec());
    command.setCommandName(PortflowCommand.NAME + " " + AnalyzeCommand.NAME);
    command.setParameterExceptionHandler(new UsageErrorHandler());
    command.setExecutionExceptionHandler(new InternalErrorHandler());
    AnalyzeCommand.addStateLegend(command);
    return command;
  }

  /** The command line for a given terminal, way of opening captures and way of stopping a watch. */
  public static CommandLine commandLine(Terminal terminal, SourceOpener opener, StopHook stopHook) {
    CommandFactory factory = new CommandFactory(terminal, stopHook);
    CommandLine command = new CommandLine(new PortflowCommand(), factory);
    CommandLine analyze = new CommandLine(new AnalyzeCommand(terminal, opener).spec(), factory);
    command.addSubcommand(analyze);
    CommandLine watch = new CommandLine(WatchCommand.class, factory);
    watch.<WatchCommand>getCommand().addSharedOptions(watch.getCommandSpec());
    command.addSubcommand(watch);
    CommandLine interfaces = new CommandLine(InterfacesCommand.class, factory);
    interfaces.<InterfacesCommand>getCommand().addSharedOptions(interfaces.getCommandSpec());
    command.addSubcommand(interfaces);
    command.addSubcommand(HelpCommand.class);
    command.setParameterExceptionHandler(new UsageErrorHandler());
    command.setExecutionExceptionHandler(new InternalErrorHandler());
    AnalyzeCommand.addStateLegend(analyze);
    return command;
  }
}
