package io.portflow.cli.options;

import picocli.CommandLine.Option;

/** {@code --debug}: a stack trace with every error, for bug reports. */
public final class DebugOption {
  @Option(names = "--debug", description = "Print a stack trace with errors (for bug reports).")
  private boolean debug;

  public boolean enabled() {
    return debug;
  }
}
