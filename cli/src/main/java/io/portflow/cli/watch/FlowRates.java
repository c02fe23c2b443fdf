package io.portflow.cli.watch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bytes per second of each open flow, per direction, over the last second (or since the flow
 * began, when it is younger): steady enough to read at a few redraws a second, recent enough
 * that a flow going quiet drops down the list. Not thread-safe.
 */
public final class FlowRates {
  /** How far back a rate looks. */
  static final long WINDOW_NANOS = 1_000_000_000L;

  /** Bytes per second from client to server and back. */
  public record Rate(double clientToServer, double serverToClient) {
    public static final Rate ZERO = new Rate(0, 0);

    public double total() {
      return clientToServer + serverToClient;
    }
  }

  private record Sample(long nanos, long clientBytes, long serverBytes) {}

  private final Map<Long, ArrayDeque<Sample>> samples = new HashMap<>();

  /**
   * Records the flow's byte counts at {@code nowNanos} and returns its current rate.
   *
   * @param firstSeenNanos when the flow's first packet was seen: a new flow's rate counts from there
   */
  public Rate update(long flowId, long firstSeenNanos, long clientBytes, long serverBytes, long nowNanos) {
    ArrayDeque<Sample> q = samples.computeIfAbsent(flowId, id -> {
      ArrayDeque<Sample> fresh = new ArrayDeque<>();
      fresh.add(new Sample(Math.min(firstSeenNanos, nowNanos), 0, 0));
      return fresh;
    });
    q.addLast(new Sample(nowNanos, clientBytes, serverBytes));
    // Keep the newest sample at or before the window's start, so the window is always spanned.
    while (q.size() > 2 && nowNanos - secondOf(q).nanos() >= WINDOW_NANOS) q.removeFirst();
    Sample oldest = q.peekFirst();
    long dt = nowNanos - oldest.nanos();
    if (dt <= 0) return Rate.ZERO;
    double seconds = dt / 1e9;
    return new Rate((clientBytes - oldest.clientBytes()) / seconds, (serverBytes - oldest.serverBytes()) / seconds);
  }

  /** Drops every flow not in {@code open}: finished flows need no rate. */
  public void retain(Set<Long> open) {
    samples.keySet().retainAll(open);
  }

  int tracked() {
    return samples.size();
  }

  private static Sample secondOf(ArrayDeque<Sample> q) {
    var it = q.iterator();
    it.next();
    return it.next();
  }
}
