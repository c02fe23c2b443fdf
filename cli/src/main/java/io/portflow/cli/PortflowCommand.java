package io.portflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code portflow}: the root command, which only holds the subcommands ({@link Main#commandLine}
 * adds them: {@code analyze} is built with picocli's programmatic API, not from annotations).
 */
@Command(
    name = PortflowCommand.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "TCP connections in packet captures and on live interfaces: who is the client, which port "
          + "is the service, what went each way. Reads pcap and pcapng; prints a table, JSON, JSON "
          + "Lines or CSV."
    },
    footerHeading = "%n",
    footer = "Run 'portflow COMMAND --help' for the options of a command.")
public final class PortflowCommand implements Callable<Integer> {
  static final String NAME = "portflow";

  @Spec private CommandSpec spec;

  @Mixin private ExitCodeHelp exitCodes;

  /** No subcommand given: say what there is. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("portflow: missing command (expected: analyze, watch or interfaces)");
    spec.commandLine().getErr().println("Try 'portflow --help' for more information.");
    return ExitCodes.USAGE;
  }
}
