package io.portflow.capture.live;

/**
 * How a live capture ended.
 *
 * @param reason what stopped it
 * @param stats the final counters, {@code pcap_stats} read after the last frame
 * @param startedNanos wall clock when {@link LiveCapture#run} began, nanoseconds since the epoch
 * @param stoppedNanos wall clock when it stopped; frames stamped later were not handed over
 */
public record LiveResult(StopReason reason, LiveStats stats, long startedNanos, long stoppedNanos) {

  /** Seconds between the start and the stop. */
  public double seconds() {
    return (stoppedNanos - startedNanos) / 1e9;
  }
}
