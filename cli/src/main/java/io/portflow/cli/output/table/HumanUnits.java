package io.portflow.cli.output.table;

import java.util.Locale;

/** Numbers as people read them: {@code 1.2 kB}, {@code 12,345}, {@code 3m07s}. */
final class HumanUnits {
  private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private HumanUnits() {}

  /** SI units (1 kB = 1000 B) as tshark's conversation table prints them: {@code 999 B}, {@code 1.2 kB}. */
  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    // 999,950 bytes rounds to "1000.0 kB": move up a unit by the rounded value, not the raw one.
    while (value >= 999.95 && unit < BYTE_UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
  }

  /** As {@link #bytes} without the space, for table cells: {@code 999B}, {@code 1.2kB}. */
  static String compactBytes(long bytes) {
    return bytes(bytes).replace(" ", "");
  }

  /** With thousands separators: {@code 1,234,567}. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /**
   * Compact, seven characters for anything under 100 days: {@code 0s}, {@code 400ns},
   * {@code 151us}, {@code 12.3ms}, {@code 4.52s}, {@code 3m07s}, {@code 2h05m}, {@code 3d04h}.
   */
  static String duration(long nanos) {
    if (nanos <= 0) {
      return "0s";
    }
    if (nanos < 1000) {
      return nanos + "ns";
    }
    if (nanos < 999_500) {
      return Math.round(nanos / 1e3) + "us";
    }
    if (nanos < 999_950_000) {
      return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }
    if (nanos < 59_995_000_000L) {
      return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
    long seconds = Math.round(nanos / 1e9);
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    long minutes = seconds / 60;
    if (minutes < 24 * 60) {
      return String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60);
    }
    long hours = minutes / 60;
    return String.format(Locale.ROOT, "%dd%02dh", hours / 24, hours % 24);
  }
}
