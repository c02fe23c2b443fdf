package io.portflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Builds commands with what they need from outside: the terminal and how to open captures. */
final class CommandFactory implements IFactory {
  private final Terminal terminal;
  private final SourceOpener opener;

  CommandFactory(Terminal terminal, SourceOpener opener) {
    this.terminal = terminal;
    this.opener = opener;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == AnalyzeCommand.class) {
      return type.cast(new AnalyzeCommand(terminal, opener));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
