package io.portflow.cli.watch;

import java.util.Locale;

/** Short human numbers for the live view: decimal units, as tshark's tables print them. */
public final class Units {
  private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P"};

  private Units() {}

  /** "512 B", "1.2 kB", "34 MB", "980 GB". */
  public static String bytes(double value) {
    return scaled(value) + "B";
  }

  /** "0 B/s", "12 kB/s". */
  static String rate(double bytesPerSecond) {
    return scaled(bytesPerSecond) + "B/s";
  }

  /** "999", "1.2k", "34M": packet counts. */
  static String count(long value) {
    if (value < 1000) return Long.toString(value);
    return scaled(value).replace(" ", "");
  }

  /** "00:01:23", or "1d 02:03:04" past a day. */
  static String elapsed(double seconds) {
    long s = (long) Math.max(0, seconds);
    String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
    return s >= 86400 ? (s / 86400) + "d " + hms : hms;
  }

  /** Three significant digits and a prefix, followed by a space: "1.2 k", "512 ". */
  private static String scaled(double value) {
    double v = Math.max(0, value);
    int i = 0;
    while (v >= 999.5 && i < PREFIXES.length - 1) {
      v /= 1000;
      i++;
    }
    String number = String.format(Locale.ROOT, i == 0 || v >= 9.95 ? "%.0f" : "%.1f", v);
    return number + " " + PREFIXES[i];
  }
}
