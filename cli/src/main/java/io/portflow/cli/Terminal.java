package io.portflow.cli;

/**
 * What standard output is attached to, for choices that depend on it (colour).
 *
 * @param interactive true when standard output is a terminal
 * @param noColor true when the NO_COLOR environment variable is set and not empty
 */
public record Terminal(boolean interactive, boolean noColor) {
  /** Not a terminal: what tests and pipes get. */
  public static Terminal none() {
    return new Terminal(false, false);
  }

  /** The process's own. {@code System.console()} is non-null only when stdin and stdout are both terminals. */
  static Terminal detect() {
    String noColor = System.getenv("NO_COLOR");
    return new Terminal(System.console() != null, noColor != null && !noColor.isEmpty());
  }
}
