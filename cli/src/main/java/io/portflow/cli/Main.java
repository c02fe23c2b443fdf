package io.portflow.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    CommandLine command = commandLine(Terminal.detect(), SourceOpener.FILES, StopHook.SIGNALS);
    command.setOut(out);
    command.setErr(err);
    int exitCode = command.execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
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

  /** The command line for a given terminal, way of opening captures and way of stopping a watch. */
  public static CommandLine commandLine(Terminal terminal, SourceOpener opener, StopHook stopHook) {
    CommandLine command = new CommandLine(new PortflowCommand(), new CommandFactory(terminal, opener, stopHook));
    command.setParameterExceptionHandler(new UsageErrorHandler());
    command.setExecutionExceptionHandler(new InternalErrorHandler());
    AnalyzeCommand.addStateLegend(command.getSubcommands().get("analyze"));
    return command;
  }
}
