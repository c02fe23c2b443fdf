package io.portflow.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version}, as picocli's {@code mixinStandardHelpOptions}
 * adds them but built with its programmatic API: picocli builds its own from annotations, by
 * reflection, which cost a small analysis more start-up than the rest of its command model.
 */
final class HelpOptions {
  /** The name picocli gives its standard help mixin, so that {@link CommandSpec#mixinStandardHelpOptions()} holds. */
  private static final String KEY = "mixinStandardHelpOptions";

  private HelpOptions() {}

  /** Adds both options to {@code command}, after those it has: {@code --help} lists them last. */
  static void addTo(CommandSpec command) {
    CommandSpec mixin = CommandSpec.create()
        .addOption(OptionSpec.builder("-h", "--help").usageHelp(true).initialValue(false)
            .description("Show this help message and exit.").build())
        .addOption(OptionSpec.builder("-V", "--version").versionHelp(true).initialValue(false)
            .description("Print version information and exit.").build());
    command.addMixin(KEY, mixin);
  }
}
