package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code portflow analyze ...} started without the other commands behaves as the full command line. */
class AnalyzeAloneTest {
  private static final String SAMPLE = SampleCaptures.ROOT.resolve("sample-pcaps/vlan-aerospike.pcap").toString();

  private static Run full(String... args) {
    return run(Main.commandLine(Terminal.none(), SourceOpener.FILES), args);
  }

  private static Run alone(String... args) {
    return run(Main.analyzeAlone(Terminal.none(), SourceOpener.FILES), Arrays.copyOfRange(args, 1, args.length));
  }

  private static Run run(CommandLine command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void sameOutputErrorsHelpAndExitCodes() {
    List<String[]> cases = List.of(
        new String[] {"analyze", SAMPLE},
        new String[] {"analyze", "--format", "json", SAMPLE},
        new String[] {"analyze", "--help"},
        new String[] {"analyze", "-h"},
        new String[] {"analyze", "--version"},
        new String[] {"analyze"},
        new String[] {"analyze", "--bogus", SAMPLE},
        new String[] {"analyze", "--format", "xml", SAMPLE},
        new String[] {"analyze", "--threads", "0", SAMPLE},
        new String[] {"analyze", Path.of("no-such.pcap").toString()});
    for (String[] args : cases) {
      Run full = full(args);
      assertEquals(full, alone(args), String.join(" ", args));
    }
  }
}
