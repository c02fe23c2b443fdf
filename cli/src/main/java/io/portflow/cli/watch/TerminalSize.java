package io.portflow.cli.watch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Columns and rows of the terminal the live view draws on. Java has no call for it, so {@link
 * #detect()} asks {@code stty size} on {@code /dev/tty}, then {@code $COLUMNS}/{@code $LINES},
 * then assumes 80x24.
 */
public record TerminalSize(int columns, int rows) {
  public static final TerminalSize DEFAULT = new TerminalSize(80, 24);

  /** Forks {@code stty} (a few milliseconds): call it at start and on a slow timer, not per frame. */
  public static TerminalSize detect() {
    TerminalSize fromStty = fromStty();
    return fromStty != null ? fromStty : fromEnvironment(System.getenv());
  }

  /** "24 80\n" as {@code stty size} prints it (rows first); null when it is not that. */
  static TerminalSize parseStty(String text) {
    String[] f = text.strip().split("\\s+");
    if (f.length != 2) return null;
    try {
      int rows = Integer.parseInt(f[0]);
      int columns = Integer.parseInt(f[1]);
      return rows > 0 && columns > 0 ? new TerminalSize(columns, rows) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static TerminalSize fromEnvironment(Map<String, String> env) {
    int columns = positive(env.get("COLUMNS"), DEFAULT.columns);
    int rows = positive(env.get("LINES"), DEFAULT.rows);
    return new TerminalSize(columns, rows);
  }

  private static TerminalSize fromStty() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) return null;
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return parseStty(out);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int positive(String value, int fallback) {
    if (value == null) return fallback;
    try {
      int n = Integer.parseInt(value.strip());
      return n > 0 ? n : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
