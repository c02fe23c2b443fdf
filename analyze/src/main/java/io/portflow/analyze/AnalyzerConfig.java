package io.portflow.analyze;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

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
 * @param transports which transports become flows (TCP alone by default); packets of the others are
 *     counted in the summary as skipped
 * @param udpIdleTimeout capture time without a datagram after which a UDP flow is finished (Zeek's
 *     udp_inactivity_timeout, 1 minute)
 */
public record AnalyzerConfig(
    int ephemeralLow,
    int ephemeralHigh,
    Duration idleTimeout,
    int communityIdSeed,
    Set<Transport> transports,
    Duration udpIdleTimeout) {
  /** Covers Linux (32768-60999) and IANA / Windows / BSD (49152-65535) ephemeral ports. */
  public static final int DEFAULT_EPHEMERAL_LOW = 32768;

  public static final int DEFAULT_EPHEMERAL_HIGH = 65535;

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  public static final Duration DEFAULT_UDP_IDLE_TIMEOUT = Duration.ofMinutes(1);

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
    checkTimeout("idle timeout", idleTimeout);
    checkTimeout("UDP idle timeout", udpIdleTimeout);
    Objects.requireNonNull(transports, "transports");
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("no transport selected (expected: tcp, udp or both)");
    }
    transports = Collections.unmodifiableSet(EnumSet.copyOf(transports));
    if (communityIdSeed < 0 || communityIdSeed > 0xffff) {
      throw new IllegalArgumentException(
          "invalid Community ID seed: " + communityIdSeed + " (expected: 0 ~ 65535)");
    }
  }

  /** The given ephemeral range and every other setting at its default. */
  public AnalyzerConfig(int ephemeralLow, int ephemeralHigh) {
    this(ephemeralLow, ephemeralHigh, DEFAULT_IDLE_TIMEOUT, 0, EnumSet.of(Transport.TCP),
        DEFAULT_UDP_IDLE_TIMEOUT);
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
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, timeout, communityIdSeed, transports,
        udpIdleTimeout);
  }

  /** This configuration with another Community ID seed. */
  public AnalyzerConfig withCommunityIdSeed(int seed) {
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, idleTimeout, seed, transports,
        udpIdleTimeout);
  }

  /** This configuration with another choice of transports. */
  public AnalyzerConfig withTransports(Set<Transport> selected) {
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, idleTimeout, communityIdSeed, selected,
        udpIdleTimeout);
  }

  /** This configuration with another idle timeout for UDP flows. */
  public AnalyzerConfig withUdpIdleTimeout(Duration timeout) {
    return new AnalyzerConfig(ephemeralLow, ephemeralHigh, idleTimeout, communityIdSeed, transports,
        timeout);
  }

  /** Whether packets of {@code transport} become flows. */
  public boolean selects(Transport transport) {
    return transports.contains(transport);
  }

  /** True when {@code port} lies in the ephemeral range. */
  public boolean isEphemeral(int port) {
    return port >= ephemeralLow && port <= ephemeralHigh;
  }

  private static void checkTimeout(String what, Duration timeout) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "invalid " + what + ": " + timeout + " (expected: more than 0 seconds)");
    }
  }

  private static IllegalArgumentException invalidRange(String range) {
    return new IllegalArgumentException("invalid ephemeral range: " + range
        + " (expected: LO-HI within 0 ~ 65535, LO <= HI)");
  }
}
