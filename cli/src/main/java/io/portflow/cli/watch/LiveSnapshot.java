package io.portflow.cli.watch;

import io.portflow.capture.live.LiveStats;
import java.util.List;

/**
 * Everything one redraw of the live view shows.
 *
 * @param interfaceName what is being watched
 * @param filter the BPF filter, or null
 * @param elapsedSeconds since the capture started
 * @param stats frames seen and pcap_stats drops
 * @param openFlows flows open now (may be more than {@code rows})
 * @param finishedFlows flows emitted so far
 * @param rows open flows in any order; the view sorts them, busiest first
 */
public record LiveSnapshot(
    String interfaceName,
    String filter,
    double elapsedSeconds,
    LiveStats stats,
    long openFlows,
    long finishedFlows,
    List<LiveRow> rows) {

  public LiveSnapshot {
    rows = List.copyOf(rows);
  }
}
