package io.portflow.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The last resort for an exception no command expected: one line, and how to get the details. */
final class InternalErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("portflow: internal error: " + e);
    if (parsed.expandedArgs().contains("--debug")) {
      e.printStackTrace(err);
    } else {
      err.println("portflow: run again with --debug for a stack trace to report");
    }
    err.flush();
    return ExitCodes.FAILURE;
  }
}
