package io.portflow.cli.options;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.Transport;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Which packets become flows and how flows are labelled: {@code --transport}, {@code --ephemeral-range}. */
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

  public PortRange ephemeralRange() {
    return ephemeralRange;
  }

  public AnalyzerConfig config() {
    return new AnalyzerConfig(ephemeralRange.low(), ephemeralRange.high())
        .withTransports(EnumSet.copyOf(transports));
  }

  static final class TransportConverter extends LabelConverter<Transport> {
    TransportConverter() {
      super(Transport.values(), Transport::label);
    }
  }
}
