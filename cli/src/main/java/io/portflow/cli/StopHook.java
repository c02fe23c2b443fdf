package io.portflow.cli;

import io.portflow.cli.watch.StopSignals;

/**
 * How {@code portflow watch} learns that it should stop: Ctrl-C and SIGTERM in the jar, nothing
 * in tests that run the command inside their own JVM (whose signals are not the command's).
 */
@FunctionalInterface
public interface StopHook {
  /** No signals: the capture stops by {@code --duration}, {@code --count} or a closed output. */
  StopHook NONE = stop -> {};

  /** SIGINT and SIGTERM, as {@link StopSignals} routes them. */
  StopHook SIGNALS = StopSignals::install;

  /** Arranges for {@code stop} (quick, callable from any thread) to be called when it is time. */
  void install(Runnable stop);
}
