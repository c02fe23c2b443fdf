package io.portflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What standard output and standard error are attached to, for choices that depend on it (colour,
 * the progress bar).
 *
 * @param interactive true when standard output is a terminal
 * @param noColor true when the NO_COLOR environment variable is set and not empty
 * @param errInteractive true when standard error is a terminal
 */
public record Terminal(boolean interactive, boolean noColor, boolean errInteractive) {
  public Terminal(boolean interactive, boolean noColor) {
    this(interactive, noColor, false);
  }

  /** Not a terminal: what tests and pipes get. */
  public static Terminal none() {
    return new Terminal(false, false, false);
  }

  /** The process's own. {@code System.console()} is non-null only when stdin and stdout are both terminals. */
  static Terminal detect() {
    String noColor = System.getenv("NO_COLOR");
    return new Terminal(System.console() != null, noColor != null && !noColor.isEmpty(),
        isTerminal(Path.of("/proc/self/fd/2")));
  }

  /** Java cannot ask isatty(2); on Linux the descriptor's link names a tty or a pty. */
  private static boolean isTerminal(Path descriptor) {
    try {
      String target = Files.readSymbolicLink(descriptor).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
