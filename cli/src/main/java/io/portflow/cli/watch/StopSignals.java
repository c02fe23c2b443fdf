package io.portflow.cli.watch;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for {@code portflow watch}: the first asks the capture to stop, so
 * the command flushes every flow, prints its statistics and exits 0 on its own; a second one, for
 * when that takes too long, exits at once with 130 (128 + SIGINT) or 143 (128 + SIGTERM).
 *
 * <p>{@code sun.misc.Signal} replaces the JVM's own handlers, which would start the shutdown
 * hooks and end the process while flows are still being written. Where it is not available
 * (another JVM), a shutdown hook asks the capture to stop and waits briefly for the command.
 */
public final class StopSignals {
  private final AtomicInteger received = new AtomicInteger();
  private final Runnable stop;

  private StopSignals(Runnable stop) {
    this.stop = stop;
  }

  /**
   * Routes SIGINT and SIGTERM to {@code stop}, which must return quickly and may run on any
   * thread ({@code LiveCapture::stop} qualifies).
   */
  public static StopSignals install(Runnable stop) {
    StopSignals signals = new StopSignals(stop);
    try {
      Signal.handle(new Signal("INT"), s -> signals.onSignal(128 + s.getNumber()));
      Signal.handle(new Signal("TERM"), s -> signals.onSignal(128 + s.getNumber()));
    } catch (IllegalArgumentException | LinkageError e) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop, "portflow-stop"));
    }
    return signals;
  }

  /** How many stop signals arrived so far. */
  public int received() {
    return received.get();
  }

  void onSignal(int exitCode) {
    if (received.incrementAndGet() == 1) {
      stop.run();
    } else {
      Runtime.getRuntime().halt(exitCode);
    }
  }
}
