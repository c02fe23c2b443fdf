package io.portflow.cli.watch;

import io.portflow.analyze.FlowRecord;
import io.portflow.capture.live.LiveStats;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live view on a terminal for the length of a capture: enters the alternate screen, draws a
 * frame at each tick from the analyzer's open flows (rates, processes and all), and leaves the
 * screen as it was. Call it from the capture thread's ticks only.
 */
public final class LiveScreen {
  private static final long SIZE_CHECK_NANOS = 1_000_000_000L;

  private final Writer out;
  private final String interfaceName;
  private final String filter;
  private final boolean color;
  private final Supplier<TerminalSize> size;
  private final FlowRates rates = new FlowRates();
  private TerminalSize current;
  private long sizeCheckedAt;
  private long startedNanos = -1;
  private boolean open;

  /**
   * @param out the terminal; written and flushed once per frame
   * @param filter the BPF filter shown in the header, or null
   * @param size asked at most once a second (it may fork {@code stty}): {@link TerminalSize#detect}
   */
  public LiveScreen(Writer out, String interfaceName, String filter, boolean color, Supplier<TerminalSize> size) {
    this.out = out;
    this.interfaceName = interfaceName;
    this.filter = filter;
    this.color = color;
    this.size = size;
  }

  /** Switches to the alternate screen; the first {@link #draw} fills it. */
  public void open() throws IOException {
    out.write(LiveView.ENTER);
    out.flush();
    open = true;
  }

  /**
   * Draws one frame.
   *
   * @param nowNanos the tick's wall clock, nanoseconds since the epoch
   * @param openFlows the analyzer's open flows as records so far (any order)
   * @param finishedFlows records emitted so far
   * @param processes looks up and remembers each flow's processes while it is open
   */
  public void draw(long nowNanos, LiveStats stats, Collection<FlowRecord> openFlows, long finishedFlows,
      ProcessAttribution processes) throws IOException {
    if (startedNanos < 0) startedNanos = nowNanos;
    List<LiveRow> rows = new ArrayList<>(openFlows.size());
    Set<Long> ids = new HashSet<>();
    for (FlowRecord f : openFlows) {
      ids.add(f.flowId());
      FlowRates.Rate rate = rates.update(f.flowId(), f.firstSeenNanos(), f.clientToServer().bytes(),
          f.serverToClient().bytes(), nowNanos);
      rows.add(LiveRow.of(f, rate, processes.of(f)));
    }
    rates.retain(ids);
    LiveSnapshot snapshot = new LiveSnapshot(interfaceName, filter, (nowNanos - startedNanos) / 1e9, stats,
        openFlows.size(), finishedFlows, rows);
    TerminalSize t = terminalSize(nowNanos);
    out.write(new LiveView(t.columns(), t.rows(), color).render(snapshot));
    out.flush();
  }

  /** Leaves the alternate screen, restoring what was there; the final statistics go after this. */
  public void close() throws IOException {
    if (!open) return;
    open = false;
    out.write(LiveView.LEAVE);
    out.flush();
  }

  private TerminalSize terminalSize(long nowNanos) {
    if (current == null || nowNanos - sizeCheckedAt >= SIZE_CHECK_NANOS) {
      current = size.get();
      sizeCheckedAt = nowNanos;
    }
    return current;
  }
}
