package io.portflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds commands with what they need from outside: the terminal, how to open captures, and how
 * a live capture learns it should stop.
 */
final class CommandFactory implements IFactory {
  private final Terminal terminal;
  private final SourceOpener opener;
  private final StopHook stopHook;

  CommandFactory(Terminal terminal, SourceOpener opener, StopHook stopHook) {
    this.terminal = terminal;
    this.opener = opener;
    this.stopHook = stopHook;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == AnalyzeCommand.class) {
      return type.cast(new AnalyzeCommand(terminal, opener));
    }
    if (type == WatchCommand.class) {
      return type.cast(new WatchCommand(terminal, stopHook));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
