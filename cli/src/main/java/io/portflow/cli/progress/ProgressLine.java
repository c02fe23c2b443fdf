package io.portflow.cli.progress;

import java.util.Locale;

/**
 * One progress line, fitted to 79 columns:
 * {@code reading [#########.........]  45%  452.1 MB of 1.0 GB  1.2 GB/s  0:02 left}.
 */
final class ProgressLine {
  static final int BAR = 24;
  /** Beyond 100 hours a time left says nothing useful (and would not fit). */
  private static final long MAX_LEFT_SECONDS = 100 * 3600;
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

  private ProgressLine() {}

  /**
   * @param read bytes read so far
   * @param total bytes to read (0 when unknown: no bar)
   * @param elapsedNanos time since reading started
   */
  static String of(long read, long total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? read / seconds : 0;
    StringBuilder line = new StringBuilder(80).append("reading ");
    if (total > 0) {
      int filled = (int) Math.min(BAR, BAR * read / total);
      line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * read / total)))
          .append("  ").append(bytes(read)).append(" of ").append(bytes(total));
    } else {
      line.append(bytes(read));
    }
    line.append("  ").append(bytes((long) rate)).append("/s");
    long left = total > 0 && rate > 0 && read < total ? (long) ((total - read) / rate) : -1;
    if (left >= 0 && left < MAX_LEFT_SECONDS) {
      line.append("  ").append(clock(left)).append(" left");
    }
    return line.toString();
  }

  /** SI units with one decimal: {@code 999 B}, {@code 1.2 kB}, {@code 452.1 MB}. */
  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 999.95 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
  static String clock(long seconds) {
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
