package io.portflow.cli.output.table;

import io.portflow.analyze.CaptureSummary;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.PortClass;
import io.portflow.capture.CaptureInfo;
import io.portflow.cli.output.CaptureOverview;
import io.portflow.cli.output.FlowWriter;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.output.table.TextTable.Cell;
import io.portflow.cli.output.table.TextTable.Column;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * For people at a terminal: a short summary of the capture, then one aligned row per flow.
 *
 * <p>A row: flow id; client {@code ip:port} and its label ({@code eph}emeral, or the port class
 * {@code wk} well-known, {@code reg} registered, {@code dyn} dynamic); server {@code ip:port}, its
 * service and class ({@code https/wk}); packets and bytes as client-to-server/server-to-client
 * with the slashes aligned; duration; Zeek's conn_state and history. Everything is as compact as
 * it can be read (long IPv6 addresses are elided in the middle) so that typical rows fit a
 * 100-column terminal. Null fields print as {@code -}.
 */
public final class TableWriter implements FlowWriter {
  private static final List<Column> COLUMNS = List.of(
      Column.right("#"),
      Column.left("client"),
      Column.left("server"),
      Column.left("pkts"),
      Column.left("bytes"),
      Column.right("dur"),
      Column.left("state"));
  private static final int SKIP_REASONS_SHOWN = 4;
  /** The terminal width rows are fitted to, when IPv6 addresses allow. */
  static final int TARGET_WIDTH = 100;

  private final Writer out;
  private final TimePrecision time;
  private final boolean color;

  public TableWriter(Writer out, TimePrecision time, boolean color) {
    this.out = out;
    this.time = time;
    this.color = color;
  }

  @Override
  public void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException {
    summary(overview, flows.size());
    out.write('\n');
    if (flows.isEmpty()) {
      out.write("no TCP flows\n");
    } else {
      rows(flows).print(out, color);
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
      out.write("showing " + HumanUnits.count(shown) + " of " + HumanUnits.count(s.flows()) + " flows\n");
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

  /**
   * The rows, with IPv6 addresses elided further when that makes the table fit
   * {@link #TARGET_WIDTH}: an address that loses its middle stays recognisable, a wrapped row is
   * not. When no eliding would make it fit, addresses keep their usual length.
   */
  private TextTable rows(List<FlowRecord> flows) {
    TextTable table = rows(flows, AddressText.MAX_IPV6);
    for (int max = AddressText.MAX_IPV6 - 1; max >= AddressText.MIN_IPV6 && table.width() > TARGET_WIDTH; max--) {
      TextTable tighter = rows(flows, max);
      if (tighter.width() <= TARGET_WIDTH) {
        return tighter;
      }
    }
    return table;
  }

  private TextTable rows(List<FlowRecord> flows, int maxIpv6) {
    int n = flows.size();
    String[] client = new String[n];
    String[] server = new String[n];
    String[] c2sPackets = new String[n];
    String[] c2sBytes = new String[n];
    for (int i = 0; i < n; i++) {
      FlowRecord flow = flows.get(i);
      client[i] = AddressText.of(flow.client().ip(), flow.client().port(), maxIpv6);
      server[i] = AddressText.of(flow.server().ip(), flow.server().port(), maxIpv6);
      c2sPackets[i] = HumanUnits.count(flow.clientToServer().packets());
      c2sBytes[i] = HumanUnits.compactBytes(flow.clientToServer().bytes());
    }
    int clientWidth = maxLength(client);
    int serverWidth = maxLength(server);
    int packetsWidth = maxLength(c2sPackets);
    int bytesWidth = maxLength(c2sBytes);
    TextTable table = new TextTable(COLUMNS);
    for (int i = 0; i < n; i++) {
      FlowRecord flow = flows.get(i);
      table.add(
          Cell.of(Long.toString(flow.flowId())),
          Cell.of(padRight(client[i], clientWidth) + ' ' + clientLabel(flow.client())),
          Cell.of(padRight(server[i], serverWidth) + ' ' + serverLabel(flow.server())),
          Cell.of(padLeft(c2sPackets[i], packetsWidth) + '/'
              + HumanUnits.count(flow.serverToClient().packets())),
          Cell.of(padLeft(c2sBytes[i], bytesWidth) + '/'
              + HumanUnits.compactBytes(flow.serverToClient().bytes())),
          Cell.of(HumanUnits.duration(flow.lastSeenNanos() - flow.firstSeenNanos())),
          new Cell(state(flow), stateStyle(flow.connState())));
    }
    return table;
  }

  /** conn_state and history side by side, as Zeek users read them: {@code SF ShADadFf}. */
  private static String state(FlowRecord flow) {
    if (flow.connState() == null && flow.history() == null) {
      return "-";
    }
    return orDash(flow.connState()) + ' ' + orDash(flow.history());
  }

  private static int maxLength(String[] texts) {
    int max = 0;
    for (String text : texts) {
      max = Math.max(max, text.length());
    }
    return max;
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(width - text.length()) + text;
  }

  /** The service name and the port class, {@code https/wk}; the class alone when no service is known. */
  static String serverLabel(Endpoint server) {
    String portClass = classLabel(server.portClass());
    return server.service() == null || server.service().isEmpty()
        ? portClass
        : server.service() + '/' + portClass;
  }

  /** {@code eph} for an ephemeral client port, else the port's class like the server's. */
  static String clientLabel(Endpoint client) {
    return client.ephemeral() ? "eph" : classLabel(client.portClass());
  }

  static String classLabel(PortClass portClass) {
    if (portClass == null) {
      return "-";
    }
    switch (portClass) {
      case WELL_KNOWN:
        return "wk";
      case REGISTERED:
        return "reg";
      default:
        return "dyn";
    }
  }

  private static Style stateStyle(String connState) {
    if ("SF".equals(connState)) {
      return Style.GREEN;
    }
    if ("REJ".equals(connState)) {
      return Style.RED;
    }
    if ("S0".equals(connState)) {
      return Style.YELLOW;
    }
    return Style.PLAIN;
  }

  private static String orDash(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }

  private static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
