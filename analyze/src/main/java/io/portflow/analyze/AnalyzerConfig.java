package io.portflow.analyze;

import java.time.Duration;
import java.util.Objects;

/**
 * How the analyzer labels flows and when it finishes them. Start from {@link #defaults()} and
 * change one setting at a time with the {@code with...} methods.
 *
 * @param ephemeralLow lowest port of the ephemeral range (inclusive)
 * @param ephemeralHigh highest port of the ephemeral range (inclusive)
 * @param idleTimeout capture time without a packet after which a TCP flow that has not closed is
 *     finished (Zeek's tcp_inactivity_timeout, 5 minutes)
 * @param communityIdSeed seed of the Community ID hash, 0-65535 (0 unless every tool that joins on
 *     the IDs is configured alike)
 */
public record AnalyzerConfig(
    int ephemeralLow, int ephemeralHigh, Duration idleTimeout, int communityIdSeed) {
  /** Covers Linux (32768-60999) and IANA / Windows / BSD (49152-65535) ephemeral ports. */
  public static final int DEFAULT_EPHEMERAL_LOW = 32768;

  public static final int DEFAULT_EPHEMERAL_HIGH = 65535;

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  /**
   * How long a TCP flow whose close completed (FIN from both sides, a RST, or a FIN to a silent
   * peer) stays in the table for late packets before it is emitted: Zeek's tcp_close_delay and
   * tcp_reset_delay, both 5 seconds.
   */
  public static final Duration CLOSE_LINGER = Duration.ofSeconds(5);

  public AnalyzerConfig {
    if (ephemeralLow < 0 || ephemeralHigh > 0xffff || ephemeralLow > ephemeralHigh) {
      throw invalidRange(ephemeralLow + "-" + ephemeralHigh);
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "invalid idle timeout: " + idleTimeout + " (expected: more than 0 seconds)");
    }
    if (communityIdSeed < 0 || communityIdSeed > 0xffff) {
      throw new IllegalArgumentException(
          "invalid Community ID seed: " + communityIdSeed + " (expected: 0 ~ 65535)");
    }
  }

  /** The given ephemeral range and every other setting at its default. */
  public AnalyzerConfig(int ephemeralLow, int ephemeralHigh) {
    this(ephemeralLow, ephemeralHigh, DEFAULT_IDLE_TIMEOUT, 0);
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

  /** This configuration with another idle timeout for TCP flows. */
  public AnalyzerConfig withIdleTimeout(Duration timeout) {
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, timeout, communityIdSeed);
  }

  /** This configuration with another Community ID seed. */
  public AnalyzerConfig withCommunityIdSeed(int seed) {
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, idleTimeout, seed);
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
