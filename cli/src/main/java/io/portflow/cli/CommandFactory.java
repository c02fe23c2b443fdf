package io.portflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds commands with what they need from outside: the terminal, and how a live capture learns
 * it should stop. ({@code analyze}, built with picocli's programmatic API, is made directly.)
 */
final class CommandFactory implements IFactory {
  private final Terminal terminal;
  private final StopHook stopHook;

  CommandFactory(Terminal terminal, StopHook stopHook) {
    this.terminal = terminal;
    this.stopHook = stopHook;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == WatchCommand.class) {
      return type.cast(new WatchCommand(terminal, stopHook));
    }
    return CommandLine.defaultFactory().create(type);
  }
}
