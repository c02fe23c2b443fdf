package io.portflow.cli.options;

import io.portflow.capture.ReaderKind;
import picocli.CommandLine.Option;

/** Where packets come from and which of them count: {@code --reader}, {@code --filter}. */
public final class InputOptions {
  @Option(names = "--reader", paramLabel = "READER", defaultValue = "portflow",
      converter = ReaderConverter.class,
      description = "portflow (built in: pcap and pcapng, gzip, every link type) or libpcap "
          + "(through pcap4j; needs libpcap installed). Default: ${DEFAULT-VALUE}.")
  private ReaderKind reader;

  @Option(names = "--filter", paramLabel = "EXPR",
      description = "Only packets matching this BPF filter, e.g. 'tcp port 443' (compiled by "
          + "libpcap, as tcpdump -r does).")
  private String filter;

  public ReaderKind reader() {
    return reader;
  }

  /** The BPF expression, or null when none was given. */
  public String filter() {
    return filter;
  }

  static final class ReaderConverter extends LabelConverter<ReaderKind> {
    ReaderConverter() {
      super(ReaderKind.values(), ReaderKind::label);
    }
  }
}
