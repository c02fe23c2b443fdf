package io.portflow.cli.watch;

import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link StopSignalsTest}: installs the stop signals, says "ready", waits
 * for the first signal, says "stopping", then takes {@code args[0]} milliseconds to "flush" and
 * exits 0 by itself.
 */
public final class SignalProbe {
  private SignalProbe() {}

  public static void main(String[] args) throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    StopSignals.install(stop::countDown);
    System.out.println("ready");
    System.out.flush();
    stop.await();
    System.out.println("stopping");
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]));
    System.out.println("flushed");
  }
}
