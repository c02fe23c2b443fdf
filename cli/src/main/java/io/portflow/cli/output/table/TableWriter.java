package io.portflow.cli.output.table;

import io.portflow.analyze.CaptureSummary;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.capture.CaptureInfo;
import io.portflow.cli.output.CaptureOverview;
import io.portflow.cli.output.FlowOrder;
import io.portflow.cli.output.FlowWriter;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * For people at a terminal: a short summary of the capture (files, counts, time span, what was
 * skipped), then one aligned row per flow as {@link FlowRows} lays it out. Null fields print as
 * {@code -}.
 */
public final class TableWriter implements FlowWriter {
  private static final int SKIP_REASONS_SHOWN = 4;

  private final Writer out;
  private final TimePrecision time;
  private final boolean color;
  private final FlowOrder order;

  /**
   * @param color whether to use ANSI colours
   * @param order the order the flows come in, named when only some are shown
   */
  public TableWriter(Writer out, TimePrecision time, boolean color, FlowOrder order) {
    this.out = out;
    this.time = time;
    this.color = color;
    this.order = order;
  }

  @Override
  public void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException {
    summary(overview, flows.size());
    out.write('\n');
    if (flows.isEmpty()) {
      out.write("no flows\n");
    } else {
      FlowRows.of(flows).print(out, color);
    }
    out.flush();
  }

  private void summary(CaptureOverview overview, int shown) throws IOException {
    for (CaptureInfo input : overview.inputs()) {
      out.write(fileLine(input) + '\n');
    }
    CaptureSummary s = overview.summary();
    StringBuilder counts = new StringBuilder()
        .append(HumanUnits.count(s.packets())).append(plural(s.packets(), " packet", " packets"))
        .append(" (").append(HumanUnits.bytes(s.bytes())).append("), ")
        .append(HumanUnits.count(s.tcpPackets())).append(" TCP, ")
        .append(s.udpPackets() > 0 ? HumanUnits.count(s.udpPackets()) + " UDP, " : "")
        .append(HumanUnits.count(s.flows())).append(plural(s.flows(), " flow", " flows"))
        .append(skipped(s.skipped()));
    if (overview.filter() != null) {
      counts.append("; filter: ").append(overview.filter());
    }
    out.write(counts.append('\n').toString());
    if (s.packets() > 0) {
      out.write(time.humanTimestamp(s.firstSeenNanos()) + " to " + time.humanTimestamp(s.lastSeenNanos())
          + " UTC (" + HumanUnits.duration(s.lastSeenNanos() - s.firstSeenNanos()) + ")\n");
    }
    if (shown < s.flows()) {
      out.write("showing " + (order == FlowOrder.START ? "the first " : "the top ")
          + HumanUnits.count(shown) + " of " + HumanUnits.count(s.flows()) + " flows"
          + (order == FlowOrder.START ? "" : " by " + order.label()) + "\n");
    }
  }

  private static String fileLine(CaptureInfo input) {
    StringJoiner what = new StringJoiner(", ", input.name() + ": ", "");
    what.add(input.format() + (input.compressed() ? " (gzip)" : ""));
    for (int linkType : input.linkTypes()) {
      what.add(LinkTypes.name(linkType));
    }
    return what.toString();
  }

  private static String skipped(Map<String, Long> skipped) {
    long total = 0;
    for (long n : skipped.values()) {
      total += n;
    }
    if (total == 0) {
      return "";
    }
    StringJoiner reasons = new StringJoiner(", ", "; skipped " + HumanUnits.count(total) + " (", ")");
    int listed = 0;
    for (Map.Entry<String, Long> e : skipped.entrySet()) {
      if (listed++ == SKIP_REASONS_SHOWN) {
        reasons.add("...");
        break;
      }
      reasons.add(HumanUnits.count(e.getValue()) + " " + e.getKey());
    }
    return reasons.toString();
  }

  private static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
