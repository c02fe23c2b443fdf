package io.portflow.cli.output;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A header row and one row per flow, the JSON record flattened ({@code client_ip},
 * {@code c2s_bytes}, ...). Quoting follows RFC 4180; lines end with {@code \n} as Unix tools
 * expect (every RFC 4180 reader accepts it). Null is the empty field.
 */
public final class CsvWriter implements FlowWriter {
  /**
   * Column names, in order: the flow record flattened, then (added later, so at the end) the TCP
   * detail of each direction and the handshake round-trip times. Add columns at the end, never
   * rename.
   */
  public static final List<String> COLUMNS = List.of(
      "flow_id", "community_id", "transport", "ip_version", "vlan",
      "client_ip", "client_port", "client_port_class", "client_ephemeral", "client_service",
      "server_ip", "server_port", "server_port_class", "server_ephemeral", "server_service",
      "role_source", "first_seen", "last_seen", "duration",
      "c2s_packets", "c2s_bytes", "c2s_payload_bytes",
      "s2c_packets", "s2c_bytes", "s2c_payload_bytes",
      "conn_state", "history", "end_reason",
      "c2s_retransmitted_packets", "c2s_retransmitted_bytes", "c2s_out_of_order_packets",
      "c2s_zero_window_events", "c2s_mss", "c2s_window_scale",
      "s2c_retransmitted_packets", "s2c_retransmitted_bytes", "s2c_out_of_order_packets",
      "s2c_zero_window_events", "s2c_mss", "s2c_window_scale",
      "rtt_syn_to_syn_ack", "rtt_syn_ack_to_ack");

  /**
   * Appended after {@link #COLUMNS} by {@code portflow watch}, which knows local processes: pid,
   * command and user of each end, empty where unknown. Saved captures have no such columns.
   */
  public static final List<String> PROCESS_COLUMNS = List.of(
      "client_pid", "client_command", "client_user", "server_pid", "server_command", "server_user");

  private final Writer out;
  private final TimePrecision time;
  /** Null: no process columns. */
  private final ProcessLookup processes;

  public CsvWriter(Writer out, TimePrecision time) {
    this(out, time, null);
  }

  private CsvWriter(Writer out, TimePrecision time, ProcessLookup processes) {
    this.out = out;
    this.time = time;
    this.processes = processes;
  }

  /** With {@link #PROCESS_COLUMNS} after the usual ones, filled where {@code processes} knows. */
  public static CsvWriter withProcesses(Writer out, TimePrecision time, ProcessLookup processes) {
    return new CsvWriter(out, time, processes);
  }

  @Override
  public void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException {
    StringBuilder line = new StringBuilder(256);
    for (String column : COLUMNS) {
      field(line, column);
    }
    if (processes != null) {
      for (String column : PROCESS_COLUMNS) {
        field(line, column);
      }
    }
    endLine(line);
    for (FlowRecord flow : flows) {
      row(line, flow);
      if (processes != null) {
        FlowProcesses ends = processes.of(flow);
        process(line, ends.client());
        process(line, ends.server());
      }
      endLine(line);
    }
    out.flush();
  }

  private static void process(StringBuilder line, ProcessInfo process) {
    field(line, process == null ? null : process.pid());
    field(line, process == null ? null : process.command());
    field(line, process == null ? null : process.user());
  }

  private void row(StringBuilder line, FlowRecord flow) {
    field(line, flow.flowId());
    field(line, flow.communityId());
    field(line, flow.transport());
    field(line, flow.ipVersion());
    field(line, flow.vlan());
    endpoint(line, flow.client());
    endpoint(line, flow.server());
    field(line, flow.roleSource() == null ? null : flow.roleSource().label());
    field(line, time.timestamp(flow.firstSeenNanos()));
    field(line, time.timestamp(flow.lastSeenNanos()));
    field(line, time.seconds(flow.lastSeenNanos() - flow.firstSeenNanos()));
    direction(line, flow.clientToServer());
    direction(line, flow.serverToClient());
    field(line, flow.connState());
    field(line, flow.history());
    field(line, flow.endReason() == null ? null : flow.endReason().label());
    detail(line, flow.clientToServer());
    detail(line, flow.serverToClient());
    HandshakeRtt rtt = flow.handshakeRtt();
    field(line, rtt == null || !rtt.hasSynToSynAck() ? null : time.seconds(rtt.synToSynAckNanos()));
    field(line, rtt == null || !rtt.hasSynAckToAck() ? null : time.seconds(rtt.synAckToAckNanos()));
  }

  /** The TCP detail of one direction, after the columns every transport has. */
  private static void detail(StringBuilder line, DirectionStats stats) {
    field(line, stats.retransmittedPackets());
    field(line, stats.retransmittedBytes());
    field(line, stats.outOfOrderPackets());
    field(line, stats.zeroWindowEvents());
    field(line, stats.mss());
    field(line, stats.windowScale());
  }

  private static void endpoint(StringBuilder line, Endpoint end) {
    field(line, end.ip());
    field(line, end.port());
    field(line, end.portClass() == null ? null : end.portClass().label());
    field(line, end.ephemeral());
    field(line, end.service());
  }

  private static void direction(StringBuilder line, DirectionStats stats) {
    field(line, stats.packets());
    field(line, stats.bytes());
    field(line, stats.payloadBytes());
  }

  private void endLine(StringBuilder line) throws IOException {
    line.setLength(line.length() - 1); // the last field's comma
    line.append('\n');
    out.append(line);
    line.setLength(0);
  }

  private static void field(StringBuilder line, Object value) {
    if (value != null) {
      String text = value.toString();
      if (needsQuotes(text)) {
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
      } else {
        line.append(text);
      }
    }
    line.append(',');
  }

  /** RFC 4180 section 2, rules 6 and 7. */
  static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
