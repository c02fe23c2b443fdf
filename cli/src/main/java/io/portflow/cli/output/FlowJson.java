package io.portflow.cli.output;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import io.portflow.cli.output.json.JsonName;
import java.io.IOException;

/**
 * The layout of one flow record as a JSON object, for both JSON formats. The field names are the
 * contract of DESIGN.md and of {@code flow-record.schema.json}: add fields, never rename.
 */
final class FlowJson {
  private static final JsonName FLOW_ID = JsonName.of("flow_id");
  private static final JsonName COMMUNITY_ID = JsonName.of("community_id");
  private static final JsonName TRANSPORT = JsonName.of("transport");
  private static final JsonName IP_VERSION = JsonName.of("ip_version");
  private static final JsonName VLAN = JsonName.of("vlan");
  private static final JsonName CLIENT = JsonName.of("client");
  private static final JsonName SERVER = JsonName.of("server");
  private static final JsonName ROLE_SOURCE = JsonName.of("role_source");
  private static final JsonName FIRST_SEEN = JsonName.of("first_seen");
  private static final JsonName LAST_SEEN = JsonName.of("last_seen");
  private static final JsonName DURATION = JsonName.of("duration");
  private static final JsonName CLIENT_TO_SERVER = JsonName.of("client_to_server");
  private static final JsonName SERVER_TO_CLIENT = JsonName.of("server_to_client");
  private static final JsonName CONN_STATE = JsonName.of("conn_state");
  private static final JsonName HISTORY = JsonName.of("history");
  private static final JsonName END_REASON = JsonName.of("end_reason");
  private static final JsonName HANDSHAKE_RTT = JsonName.of("handshake_rtt");
  private static final JsonName SYN_TO_SYN_ACK = JsonName.of("syn_to_syn_ack");
  private static final JsonName SYN_ACK_TO_ACK = JsonName.of("syn_ack_to_ack");

  private static final JsonName IP = JsonName.of("ip");
  private static final JsonName PORT = JsonName.of("port");
  private static final JsonName PORT_CLASS = JsonName.of("port_class");
  private static final JsonName EPHEMERAL = JsonName.of("ephemeral");
  private static final JsonName SERVICE = JsonName.of("service");
  private static final JsonName PROCESS = JsonName.of("process");
  private static final JsonName PID = JsonName.of("pid");
  private static final JsonName COMMAND = JsonName.of("command");
  private static final JsonName USER = JsonName.of("user");

  private static final JsonName PACKETS = JsonName.of("packets");
  private static final JsonName BYTES = JsonName.of("bytes");
  private static final JsonName PAYLOAD_BYTES = JsonName.of("payload_bytes");
  private static final JsonName RETRANSMITTED_PACKETS = JsonName.of("retransmitted_packets");
  private static final JsonName RETRANSMITTED_BYTES = JsonName.of("retransmitted_bytes");
  private static final JsonName OUT_OF_ORDER_PACKETS = JsonName.of("out_of_order_packets");
  private static final JsonName ZERO_WINDOW_EVENTS = JsonName.of("zero_window_events");
  private static final JsonName MSS = JsonName.of("mss");
  private static final JsonName WINDOW_SCALE = JsonName.of("window_scale");

  private FlowJson() {}

  /** The record, with each end's local process, where known, as its {@code "process"} object. */
  static void write(JsonFields out, FlowRecord flow, FlowProcesses processes) throws IOException {
    out.startObject();
    out.number(FLOW_ID, flow.flowId());
    out.string(COMMUNITY_ID, flow.communityId());
    out.string(TRANSPORT, flow.transport());
    out.number(IP_VERSION, flow.ipVersion());
    out.numberOrNull(VLAN, flow.vlan());
    endpoint(out, CLIENT, flow.client(), processes.client());
    endpoint(out, SERVER, flow.server(), processes.server());
    out.string(ROLE_SOURCE, flow.roleSource() == null ? null : flow.roleSource().label());
    out.timestamp(FIRST_SEEN, flow.firstSeenNanos());
    out.timestamp(LAST_SEEN, flow.lastSeenNanos());
    out.seconds(DURATION, flow.lastSeenNanos() - flow.firstSeenNanos());
    direction(out, CLIENT_TO_SERVER, flow.clientToServer());
    direction(out, SERVER_TO_CLIENT, flow.serverToClient());
    out.string(CONN_STATE, flow.connState());
    out.string(HISTORY, flow.history());
    out.string(END_REASON, flow.endReason() == null ? null : flow.endReason().label());
    handshake(out, flow.handshakeRtt());
    out.endObject();
  }

  /** Round-trip times in seconds; null for a transport without a handshake, or a leg not seen. */
  private static void handshake(JsonFields out, HandshakeRtt rtt) throws IOException {
    if (rtt == null) {
      out.nullValue(HANDSHAKE_RTT);
      return;
    }
    out.startObject(HANDSHAKE_RTT);
    if (rtt.hasSynToSynAck()) {
      out.seconds(SYN_TO_SYN_ACK, rtt.synToSynAckNanos());
    } else {
      out.nullValue(SYN_TO_SYN_ACK);
    }
    if (rtt.hasSynAckToAck()) {
      out.seconds(SYN_ACK_TO_ACK, rtt.synAckToAckNanos());
    } else {
      out.nullValue(SYN_ACK_TO_ACK);
    }
    out.endObject();
  }

  /** The end's fields; {@code "process"} only when known: absent means unknown, never guessed. */
  private static void endpoint(JsonFields out, JsonName name, Endpoint end, ProcessInfo process)
      throws IOException {
    out.startObject(name);
    out.string(IP, end.ip());
    out.number(PORT, end.port());
    out.string(PORT_CLASS, end.portClass() == null ? null : end.portClass().label());
    out.bool(EPHEMERAL, end.ephemeral());
    out.string(SERVICE, end.service());
    if (process != null) {
      out.startObject(PROCESS);
      out.number(PID, process.pid());
      out.string(COMMAND, process.command());
      out.string(USER, process.user());
      out.endObject();
    }
    out.endObject();
  }

  private static void direction(JsonFields out, JsonName name, DirectionStats stats) throws IOException {
    out.startObject(name);
    out.number(PACKETS, stats.packets());
    out.number(BYTES, stats.bytes());
    out.number(PAYLOAD_BYTES, stats.payloadBytes());
    out.numberOrNull(RETRANSMITTED_PACKETS, stats.retransmittedPackets());
    out.numberOrNull(RETRANSMITTED_BYTES, stats.retransmittedBytes());
    out.numberOrNull(OUT_OF_ORDER_PACKETS, stats.outOfOrderPackets());
    out.numberOrNull(ZERO_WINDOW_EVENTS, stats.zeroWindowEvents());
    out.numberOrNull(MSS, stats.mss());
    out.numberOrNull(WINDOW_SCALE, stats.windowScale());
    out.endObject();
  }
}
