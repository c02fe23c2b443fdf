package io.portflow.cli.damage;

import io.portflow.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code portflow analyze} run in process, as the jar runs it, with its output captured. */
record Analyze(int exitCode, String out, String err) {
  static Analyze run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "analyze";
    System.arraycopy(args, 0, all, 1, args.length);
    int exitCode = command.execute(all);
    return new Analyze(exitCode, out.toString(), err.toString());
  }

  /** Number of lines in {@link #out()}: flows, with {@code --format jsonl}. */
  int outLines() {
    return out.isEmpty() ? 0 : out.split("\n").length;
  }
}
