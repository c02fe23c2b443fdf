package io.portflow.analyze;

/**
 * How the analyzer labels flows.
 *
 * @param ephemeralLow lowest port of the ephemeral range (inclusive)
 * @param ephemeralHigh highest port of the ephemeral range (inclusive)
 */
public record AnalyzerConfig(int ephemeralLow, int ephemeralHigh) {
  /** Covers Linux (32768-60999) and IANA / Windows / BSD (49152-65535) ephemeral ports. */
  public static final int DEFAULT_EPHEMERAL_LOW = 32768;

  public static final int DEFAULT_EPHEMERAL_HIGH = 65535;

  public AnalyzerConfig {
    if (ephemeralLow < 0 || ephemeralHigh > 0xffff || ephemeralLow > ephemeralHigh) {
      throw invalidRange(ephemeralLow + "-" + ephemeralHigh);
    }
  }

  public static AnalyzerConfig defaults() {
    return new AnalyzerConfig(DEFAULT_EPHEMERAL_LOW, DEFAULT_EPHEMERAL_HIGH);
  }

  /** Parses an ephemeral range written {@code LO-HI}, e.g. {@code 49152-65535}. */
  public static AnalyzerConfig withEphemeralRange(String range) {
    int dash = range.indexOf('-');
    if (dash <= 0 || dash == range.length() - 1) {
      throw invalidRange(range);
    }
    int low;
    int high;
    try {
      low = Integer.parseInt(range.substring(0, dash).trim());
      high = Integer.parseInt(range.substring(dash + 1).trim());
    } catch (NumberFormatException e) {
      throw invalidRange(range);
    }
    return new AnalyzerConfig(low, high);
  }

  /** True when {@code port} lies in the ephemeral range. */
  public boolean isEphemeral(int port) {
    return port >= ephemeralLow && port <= ephemeralHigh;
  }

  private static IllegalArgumentException invalidRange(String range) {
    return new IllegalArgumentException("invalid ephemeral range: " + range
        + " (expected: LO-HI within 0 ~ 65535, LO <= HI)");
  }
}
