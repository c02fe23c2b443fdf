package io.portflow.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How the work is run, not what it gives: {@code --threads}, {@code --progress}. */
public final class RunOptions {
  @Option(names = "--progress",
      description = "Show a progress bar on standard error while reading (bytes read of the total, "
          + "rate, time left), when standard error is a terminal and reading takes over a second.")
  private boolean progress;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadsConverter.class,
      description = "1: read, decode, track flows and write on one thread; 2: reading, decoding "
          + "and writing on one thread, the flow table on another (the default with two or more "
          + "cores; more than 2 adds nothing yet). The output is the same either way.")
  private Integer threads;

  public boolean progress() {
    return progress;
  }

  /** Threads asked for, else 2 when the machine has two cores or more. */
  public int threads() {
    if (threads != null) {
      return threads;
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
