package io.portflow.cli.options;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.Transport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which packets become flows, how flows are labelled and when they end: {@code --transport},
 * {@code --ephemeral-range}, {@code --idle-timeout}, {@code --community-id-seed}. A mixin built
 * with picocli's programmatic API, as {@link OutputOptions}.
 */
public final class AnalysisOptions {
  private final OptionSpec transports = OptionSpec.builder("--transport").paramLabel("LIST")
      .splitRegex(",").defaultValue("tcp").type(List.class).auxiliaryTypes(Transport.class)
      .converters(new LabelConverter<>(Transport.values(), Transport::label))
      .description("tcp, udp or tcp,udp: which packets become flows (default: ${DEFAULT-VALUE}; "
          + "the others are counted as skipped).")
      .build();

  private final OptionSpec ephemeralRange = OptionSpec.builder("--ephemeral-range").paramLabel("LO-HI")
      .defaultValue("32768-65535").type(PortRange.class).converters(new PortRange.Converter())
      .description("Client ports in this range are labelled ephemeral (default: ${DEFAULT-VALUE}, "
          + "covering Linux 32768-60999 and IANA/Windows/BSD 49152-65535).")
      .build();

  private final OptionSpec idleTimeout = OptionSpec.builder("--idle-timeout").paramLabel("TIME")
      .defaultValue("5m").type(Duration.class).converters(new DurationConverter())
      .description("A TCP flow without a packet for this long (capture time) is finished "
          + "(default: ${DEFAULT-VALUE}, as Zeek). Seconds, or with a unit: 90s, 5m, 1h.")
      .build();

  private final OptionSpec communityIdSeed = OptionSpec.builder("--community-id-seed").paramLabel("N")
      .defaultValue("0").type(int.class).converters(new SeedConverter())
      .description("Seed of the Community ID hash, 0-65535 (default: ${DEFAULT-VALUE}; use the "
          + "seed the tools you join with use).")
      .build();

  /** The options, to add to a command with {@link CommandSpec#addMixin}. */
  public CommandSpec mixin() {
    return CommandSpec.create().addOption(transports).addOption(ephemeralRange).addOption(idleTimeout)
        .addOption(communityIdSeed);
  }

  public PortRange ephemeralRange() {
    return ephemeralRange.getValue();
  }

  public AnalyzerConfig config() {
    PortRange ephemeral = ephemeralRange();
    List<Transport> chosen = transports.getValue();
    return new AnalyzerConfig(ephemeral.low(), ephemeral.high())
        .withTransports(EnumSet.copyOf(chosen))
        .withIdleTimeout(idleTimeout.getValue())
        .withCommunityIdSeed(communityIdSeed.<Integer>getValue());
  }
}
