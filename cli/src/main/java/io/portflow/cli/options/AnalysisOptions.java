package io.portflow.cli.options;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.Transport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which packets become flows, how flows are labelled and when they end: {@code --transport},
 * {@code --ephemeral-range}, {@code --idle-timeout}, {@code --community-id-seed}.
 */
public final class AnalysisOptions {
  @Option(names = "--transport", paramLabel = "LIST", split = ",", defaultValue = "tcp",
      converter = TransportConverter.class,
      description = "tcp, udp or tcp,udp: which packets become flows (default: ${DEFAULT-VALUE}; "
          + "the others are counted as skipped).")
  private List<Transport> transports;

  @Option(names = "--ephemeral-range", paramLabel = "LO-HI", defaultValue = "32768-65535",
      converter = PortRange.Converter.class,
      description = "Client ports in this range are labelled ephemeral (default: ${DEFAULT-VALUE}, "
          + "covering Linux 32768-60999 and IANA/Windows/BSD 49152-65535).")
  private PortRange ephemeralRange;

  @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "5m",
      converter = DurationConverter.class,
      description = "A TCP flow without a packet for this long (capture time) is finished "
          + "(default: ${DEFAULT-VALUE}, as Zeek). Seconds, or with a unit: 90s, 5m, 1h.")
  private Duration idleTimeout;

  @Option(names = "--community-id-seed", paramLabel = "N", defaultValue = "0",
      converter = SeedConverter.class,
      description = "Seed of the Community ID hash, 0-65535 (default: ${DEFAULT-VALUE}; use the "
          + "seed the tools you join with use).")
  private int communityIdSeed;

  public PortRange ephemeralRange() {
    return ephemeralRange;
  }

  public AnalyzerConfig config() {
    return new AnalyzerConfig(ephemeralRange.low(), ephemeralRange.high())
        .withTransports(EnumSet.copyOf(transports))
        .withIdleTimeout(idleTimeout)
        .withCommunityIdSeed(communityIdSeed);
  }

  static final class TransportConverter extends LabelConverter<Transport> {
    TransportConverter() {
      super(Transport.values(), Transport::label);
    }
  }
}
