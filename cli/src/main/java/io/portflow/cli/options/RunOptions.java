package io.portflow.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * How the work is run, not what it gives: {@code --threads}, {@code --progress}. A mixin built
 * with picocli's programmatic API, as {@link OutputOptions}.
 */
public final class RunOptions {
  private final OptionSpec progress = OptionSpec.builder("--progress").type(boolean.class).initialValue(false)
      .description("Show a progress bar on standard error while reading (bytes read of the total, "
          + "rate, time left), when standard error is a terminal and reading takes over a second.")
      .build();

  private final OptionSpec threads = OptionSpec.builder("--threads").paramLabel("N")
      .type(Integer.class).converters(new ThreadsConverter())
      .description("1: read, decode, track flows and write on one thread; 2: reading, decoding "
          + "and writing on one thread, the flow table on another (the default with two or more "
          + "cores; more than 2 adds nothing yet). The output is the same either way.")
      .build();

  /** The options, to add to a command with {@link CommandSpec#addMixin}. */
  public CommandSpec mixin() {
    return CommandSpec.create().addOption(progress).addOption(threads);
  }

  public boolean progress() {
    return progress.<Boolean>getValue();
  }

  /** Threads asked for, else 2 when the machine has two cores or more. */
  public int threads() {
    Integer asked = threads.getValue();
    if (asked != null) {
      return asked;
    }
    return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
  }

  static final class ThreadsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      try {
        int n = Integer.parseInt(text);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, with what was expected
      }
      throw new TypeConversionException("'" + text + "' (expected: a number of threads, 1 or more)");
    }
  }
}
