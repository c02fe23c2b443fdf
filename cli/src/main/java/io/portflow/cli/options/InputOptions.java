package io.portflow.cli.options;

import io.portflow.capture.ReaderKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where packets come from and which of them count: {@code --reader}, {@code --filter}. A mixin
 * built with picocli's programmatic API, as {@link OutputOptions}.
 */
public final class InputOptions {
  private final OptionSpec reader = OptionSpec.builder("--reader").paramLabel("READER").defaultValue("portflow")
      .type(ReaderKind.class).converters(new LabelConverter<>(ReaderKind.values(), ReaderKind::label))
      .description("portflow (built in: pcap and pcapng, gzip, every link type) or libpcap "
          + "(through pcap4j; needs libpcap installed). Default: ${DEFAULT-VALUE}.")
      .build();

  private final OptionSpec filter = OptionSpec.builder("--filter").paramLabel("EXPR")
      .type(String.class)
      .description("Only packets matching this BPF filter, e.g. 'tcp port 443' (compiled by "
          + "libpcap, as tcpdump -r does).")
      .build();

  /** The options, to add to a command with {@link CommandSpec#addMixin}. */
  public CommandSpec mixin() {
    return CommandSpec.create().addOption(reader).addOption(filter);
  }

  public ReaderKind reader() {
    return reader.getValue();
  }

  /** The BPF expression, or null when none was given. */
  public String filter() {
    return filter.getValue();
  }
}
