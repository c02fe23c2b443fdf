package io.portflow.capture.live;

/**
 * When the next tick is due, on the {@link System#nanoTime()} scale. Ticks keep their rhythm
 * (start + k * interval) and skip the ones a slow handler missed instead of bunching them up.
 * Not thread-safe: one thread owns it.
 */
final class TickSchedule {
  private final long intervalNanos;
  private final long deadline;
  private long next;

  TickSchedule(long startNanoTime, long intervalNanos, long deadline) {
    this.intervalNanos = intervalNanos;
    this.deadline = deadline;
    this.next = startNanoTime + intervalNanos;
  }

  /** True when a tick is due at {@code now}; the schedule then moves to the next one. */
  boolean takeTick(long now) {
    if (now < next) return false;
    long missed = (now - next) / intervalNanos;
    next += (missed + 1) * intervalNanos;
    return true;
  }

  boolean deadlinePassed(long now) {
    return now >= deadline;
  }

  /** Time from {@code now} to the next tick or the deadline, whichever is first; 0 when one is due. */
  long nanosUntilNextEvent(long now) {
    return Math.max(0, Math.min(next, deadline) - now);
  }
}
