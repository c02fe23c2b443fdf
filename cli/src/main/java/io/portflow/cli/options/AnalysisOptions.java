package io.portflow.cli.options;

import io.portflow.analyze.AnalyzerConfig;
import picocli.CommandLine.Option;

/** How flows are labelled: {@code --ephemeral-range}. */
public final class AnalysisOptions {
  @Option(names = "--ephemeral-range", paramLabel = "LO-HI", defaultValue = "32768-65535",
      converter = PortRange.Converter.class,
      description = "Client ports in this range are labelled ephemeral (default: ${DEFAULT-VALUE}, "
          + "covering Linux 32768-60999 and IANA/Windows/BSD 49152-65535).")
  private PortRange ephemeralRange;

  public PortRange ephemeralRange() {
    return ephemeralRange;
  }

  public AnalyzerConfig config() {
    return new AnalyzerConfig(ephemeralRange.low(), ephemeralRange.high());
  }
}
