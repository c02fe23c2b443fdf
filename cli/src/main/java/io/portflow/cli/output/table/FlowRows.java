package io.portflow.cli.output.table;

import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.cli.output.table.TextTable.Cell;
import io.portflow.cli.output.table.TextTable.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one table row per flow: flow id, (the transport when not every flow is TCP, the VLAN
 * when any flow has one,) client {@code ip:port}
 * and label, server {@code ip:port} with service and class, packets and bytes both ways with the
 * slashes aligned, duration, Zeek's state (in words) and history.
 *
 * <p>Rows are fitted to {@link #TARGET_WIDTH} columns when eliding the middle of IPv6 addresses
 * can do it: an address that loses its middle stays recognisable, a wrapped row does not. When no
 * eliding would make the table fit, addresses keep their usual length.
 */
final class FlowRows {
  /** The terminal width rows are fitted to, when IPv6 addresses allow. */
  static final int TARGET_WIDTH = 100;
  /** Longer IANA service names (up to 15 characters) are cut to this in the table. */
  static final int MAX_SERVICE = 12;

  private FlowRows() {}

  static TextTable of(List<FlowRecord> flows) {
    boolean vlans = flows.stream().anyMatch(f -> f.vlan() != null);
    boolean mixed = flows.stream().anyMatch(f -> !"tcp".equals(f.transport()));
    List<Column> columns = new ArrayList<>();
    columns.add(Column.right("#"));
    if (mixed) {
      columns.add(Column.left("proto"));
    }
    if (vlans) {
      columns.add(Column.right("vlan"));
    }
    columns.addAll(List.of(Column.left("client"), Column.left("server"), Column.left("pkts"),
        Column.left("bytes"), Column.right("dur"), Column.left("state")));

    Texts t = new Texts(flows);
    int fixed = t.fixedWidth() + (mixed ? 5 : 0) + (columns.size() - 1) * 2;
    int maxIpv6 = fittingIpv6Limit(flows, t, fixed);
    String[] client = new String[flows.size()];
    String[] server = new String[flows.size()];
    for (int i = 0; i < client.length; i++) {
      client[i] = address(flows.get(i).client(), maxIpv6);
      server[i] = address(flows.get(i).server(), maxIpv6);
    }
    int clientWidth = maxLength(client);
    int serverWidth = maxLength(server);
    int packetsWidth = maxLength(t.c2sPackets);
    int bytesWidth = maxLength(t.c2sBytes);

    TextTable table = new TextTable(columns);
    for (int i = 0; i < flows.size(); i++) {
      FlowRecord flow = flows.get(i);
      List<Cell> row = new ArrayList<>(columns.size());
      row.add(Cell.of(t.id[i]));
      if (mixed) {
        row.add(Cell.of(flow.transport()));
      }
      if (vlans) {
        row.add(Cell.of(t.vlan[i].isEmpty() ? "-" : t.vlan[i]));
      }
      row.add(Cell.of(padRight(client[i], clientWidth) + ' ' + t.clientLabel[i]));
      row.add(Cell.of(padRight(server[i], serverWidth) + ' ' + t.serverLabel[i]));
      row.add(Cell.of(padLeft(t.c2sPackets[i], packetsWidth) + '/' + t.s2cPackets[i]));
      row.add(Cell.of(padLeft(t.c2sBytes[i], bytesWidth) + '/' + t.s2cBytes[i]));
      row.add(Cell.of(t.duration[i]));
      row.add(new Cell(t.state[i], stateStyle(flow.connState())));
      table.add(row.toArray(new Cell[0]));
    }
    return table;
  }

  /** The largest IPv6 limit at which rows fit, or the usual one when none does. */
  private static int fittingIpv6Limit(List<FlowRecord> flows, Texts t, int fixedWidth) {
    boolean anyIpv6 = flows.stream().anyMatch(f -> f.ipVersion() == 6);
    if (!anyIpv6) {
      return AddressText.MAX_IPV6;
    }
    for (int max = AddressText.MAX_IPV6; max >= AddressText.MIN_IPV6; max--) {
      int clientWidth = 0;
      int serverWidth = 0;
      for (FlowRecord flow : flows) {
        clientWidth = Math.max(clientWidth, address(flow.client(), max).length());
        serverWidth = Math.max(serverWidth, address(flow.server(), max).length());
      }
      int width = fixedWidth + clientWidth + 1 + maxLength(t.clientLabel)
          + serverWidth + 1 + maxLength(t.serverLabel);
      if (width <= TARGET_WIDTH) {
        return max;
      }
    }
    return AddressText.MAX_IPV6;
  }

  private static String address(Endpoint end, int maxIpv6) {
    return AddressText.of(end.ip(), end.port(), maxIpv6);
  }

  /** The cell texts that do not depend on how addresses are cut. */
  private static final class Texts {
    final String[] id;
    final String[] vlan;
    final String[] clientLabel;
    final String[] serverLabel;
    final String[] c2sPackets;
    final String[] s2cPackets;
    final String[] c2sBytes;
    final String[] s2cBytes;
    final String[] duration;
    final String[] state;

    Texts(List<FlowRecord> flows) {
      int n = flows.size();
      id = new String[n];
      vlan = new String[n];
      clientLabel = new String[n];
      serverLabel = new String[n];
      c2sPackets = new String[n];
      s2cPackets = new String[n];
      c2sBytes = new String[n];
      s2cBytes = new String[n];
      duration = new String[n];
      state = new String[n];
      for (int i = 0; i < n; i++) {
        FlowRecord flow = flows.get(i);
        id[i] = Long.toString(flow.flowId());
        vlan[i] = flow.vlan() == null ? "" : flow.vlan().toString();
        clientLabel[i] = clientLabel(flow.client());
        serverLabel[i] = serverLabel(flow.server());
        c2sPackets[i] = HumanUnits.count(flow.clientToServer().packets());
        s2cPackets[i] = HumanUnits.count(flow.serverToClient().packets());
        c2sBytes[i] = HumanUnits.compactBytes(flow.clientToServer().bytes());
        s2cBytes[i] = HumanUnits.compactBytes(flow.serverToClient().bytes());
        duration[i] = HumanUnits.duration(flow.lastSeenNanos() - flow.firstSeenNanos());
        state[i] = state(flow);
      }
    }

    /** Every column but the two addresses, gaps aside; headers count as they set a minimum. */
    int fixedWidth() {
      boolean vlans = maxLength(vlan) > 0;
      return Math.max(1, maxLength(id))
          + (vlans ? Math.max(4, maxLength(vlan)) : 0)
          + Math.max(4, maxLength(c2sPackets) + 1 + maxLength(s2cPackets))
          + Math.max(5, maxLength(c2sBytes) + 1 + maxLength(s2cBytes))
          + Math.max(3, maxLength(duration))
          + Math.max(5, maxLength(state));
    }
  }

  /** {@code eph} for an ephemeral client port, else the port's class like the server's. */
  static String clientLabel(Endpoint client) {
    return client.ephemeral() ? "eph" : classLabel(client.portClass());
  }

  /** The service name and the port class, {@code https/wk}; the class alone when no service is known. */
  static String serverLabel(Endpoint server) {
    String portClass = classLabel(server.portClass());
    String service = server.service();
    if (service == null || service.isEmpty()) {
      return portClass;
    }
    if (service.length() > MAX_SERVICE) {
      service = service.substring(0, MAX_SERVICE - 2) + "..";
    }
    return service + '/' + portClass;
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

  /**
   * conn_state in words, then the history letters: {@code closed ShADadFf}. {@link StateWords}
   * has the words, and {@code analyze --help} the legend.
   */
  private static String state(FlowRecord flow) {
    if (flow.connState() == null && flow.history() == null) {
      return "-";
    }
    String word = flow.connState() == null ? null : StateWords.of(flow.transport(), flow.connState());
    return orDash(word) + ' ' + orDash(flow.history());
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
}
