package io.portflow.capture.live;

import java.io.IOException;

/**
 * Called on the capture thread at every tick, also when no packet arrives: the moment to expire
 * idle flows, redraw a live view, or flush output.
 */
@FunctionalInterface
public interface TickHandler {
  /** Ticks nobody listens to. */
  TickHandler NONE = (nowNanos, stats) -> {};

  /**
   * @param nowNanos wall clock, nanoseconds since the Unix epoch (the scale of frame timestamps)
   * @param stats the counters so far, {@code pcap_stats} included
   * @throws IOException to end the capture; {@link LiveCapture#run} rethrows it after stopping
   */
  void onTick(long nowNanos, LiveStats stats) throws IOException;
}
