package io.portflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import picocli.CommandLine;

/** One in-process run of the command line with captured output. */
record Run(int exitCode, String out, String err) {
  static Run of(String... args) {
    return of(Terminal.none(), SourceOpener.FILES, args);
  }

  static Run of(SourceOpener opener, String... args) {
    return of(Terminal.none(), opener, args);
  }

  static Run of(Terminal terminal, SourceOpener opener, String... args) {
    StringWriter out = new StringWriter();
    return of(terminal, opener, out, args).withOut(out.toString());
  }

  /** With standard output going to {@code out}, e.g. one that fails like a closed pipe. */
  static Run of(Terminal terminal, SourceOpener opener, Writer out, String... args) {
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine(terminal, opener);
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Run(exitCode, "", err.toString());
  }

  private Run withOut(String text) {
    return new Run(exitCode, text, err);
  }
}
