package io.portflow.capture.live;

import java.time.Duration;

/**
 * When a capture stops by itself. A capture with neither limit runs until {@link
 * LiveCapture#stop()}.
 *
 * @param maxFrames stop after handing over this many frames (tcpdump's {@code -c}); 0 for no limit
 * @param maxDuration stop this long after the capture started; null for no limit
 */
public record StopCondition(long maxFrames, Duration maxDuration) {

  public StopCondition {
    if (maxFrames < 0) {
      throw new IllegalArgumentException("invalid frame count: " + maxFrames + " (expected: 0 for no limit, or more)");
    }
    if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
      throw new IllegalArgumentException("invalid duration: " + maxDuration + " (expected: more than 0, or none)");
    }
  }

  /** Runs until {@link LiveCapture#stop()}. */
  public static StopCondition never() {
    return new StopCondition(0, null);
  }

  /** From the CLI's optional {@code --count} and {@code --duration}; null means no limit. */
  public static StopCondition of(Long maxFrames, Duration maxDuration) {
    return new StopCondition(maxFrames == null ? 0 : maxFrames, maxDuration);
  }

  public StopCondition afterFrames(long frames) {
    return new StopCondition(frames, maxDuration);
  }

  public StopCondition after(Duration duration) {
    return new StopCondition(maxFrames, duration);
  }

  boolean hasFrameLimit() {
    return maxFrames > 0;
  }

  /** The deadline on the {@link System#nanoTime()} scale for a capture started at {@code startNanoTime}. */
  long deadline(long startNanoTime) {
    return maxDuration == null ? Long.MAX_VALUE : startNanoTime + maxDuration.toNanos();
  }
}
