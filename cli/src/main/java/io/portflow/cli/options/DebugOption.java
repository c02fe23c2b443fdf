package io.portflow.cli.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --debug}: a stack trace with every error, for bug reports. A mixin built with picocli's
 * programmatic API, as {@link OutputOptions}.
 */
public final class DebugOption {
  private final OptionSpec debug = OptionSpec.builder("--debug").type(boolean.class).initialValue(false)
      .description("Print a stack trace with errors (for bug reports).")
      .build();

  /** The option, to add to a command with {@link CommandSpec#addMixin}. */
  public CommandSpec mixin() {
    return CommandSpec.create().addOption(debug);
  }

  public boolean enabled() {
    return debug.<Boolean>getValue();
  }
}
