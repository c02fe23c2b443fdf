package io.portflow.cli;

import io.portflow.capture.CaptureException;
import io.portflow.capture.live.CaptureDevices;
import io.portflow.cli.options.DebugOption;
import io.portflow.cli.watch.InterfacesView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portflow interfaces}: what {@code watch -i} can capture on, as {@code tcpdump -D} lists it. */
@Command(
    name = "interfaces",
    versionProvider = ManifestVersionProvider.class,
    description = {
      "List the interfaces libpcap can capture on, with their state (up or down, running or no "
          + "carrier, loopback, wireless) and addresses. Needs libpcap, not root.",
    })
public final class InterfacesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ExitCodeHelp exitCodes;
  private final DebugOption debug = new DebugOption();

  /** Adds {@code --debug} (built with picocli's programmatic API), then {@code -h} and {@code -V}. */
  void addSharedOptions(CommandSpec interfaces) {
    interfaces.addMixin("debug", debug.mixin());
    HelpOptions.addTo(interfaces);
  }

  @Override
  public Integer call() {
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.print(InterfacesView.render(CaptureDevices.list()));
      out.flush();
      return ExitCodes.OK;
    } catch (CaptureException e) {
      Failure failure = e.kind() == CaptureException.Kind.LIBPCAP_MISSING
          ? new Failure(ExitCodes.LIBPCAP_MISSING, WatchCommand.LIBPCAP_MISSING, e)
          : new Failure(ExitCodes.FAILURE, e.getMessage(), e);
      PrintWriter err = spec.commandLine().getErr();
      err.println("portflow: " + failure.getMessage());
      if (debug.enabled()) {
        e.printStackTrace(err);
      }
      err.flush();
      return failure.exitCode();
    }
  }
}
