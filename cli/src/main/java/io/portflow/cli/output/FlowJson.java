package io.portflow.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import java.io.IOException;

/**
 * Writes one flow record as a JSON object. The field names are the contract of DESIGN.md and of
 * {@code flow-record.schema.json}: add fields, never rename.
 */
final class FlowJson {
  private final TimePrecision time;

  FlowJson(TimePrecision time) {
    this.time = time;
  }

  void write(JsonGenerator g, FlowRecord flow) throws IOException {
    write(g, flow, FlowProcesses.NONE);
  }

  /** With each end's local process, where known, as its {@code "process"} object. */
  void write(JsonGenerator g, FlowRecord flow, FlowProcesses processes) throws IOException {
    g.writeStartObject();
    g.writeNumberField("flow_id", flow.flowId());
    g.writeStringField("community_id", flow.communityId());
    g.writeStringField("transport", flow.transport());
    g.writeNumberField("ip_version", flow.ipVersion());
    number(g, "vlan", flow.vlan());
    endpoint(g, "client", flow.client(), processes.client());
    endpoint(g, "server", flow.server(), processes.server());
    g.writeStringField("role_source", flow.roleSource() == null ? null : flow.roleSource().label());
    g.writeStringField("first_seen", time.timestamp(flow.firstSeenNanos()));
    g.writeStringField("last_seen", time.timestamp(flow.lastSeenNanos()));
    g.writeFieldName("duration");
    g.writeNumber(time.seconds(flow.lastSeenNanos() - flow.firstSeenNanos()));
    direction(g, "client_to_server", flow.clientToServer());
    direction(g, "server_to_client", flow.serverToClient());
    g.writeStringField("conn_state", flow.connState());
    g.writeStringField("history", flow.history());
    g.writeStringField("end_reason", flow.endReason() == null ? null : flow.endReason().label());
    handshake(g, flow.handshakeRtt());
    g.writeEndObject();
  }

  /** Round-trip times in seconds; null for a transport without a handshake, or a leg not seen. */
  private void handshake(JsonGenerator g, HandshakeRtt rtt) throws IOException {
    g.writeFieldName("handshake_rtt");
    if (rtt == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    seconds(g, "syn_to_syn_ack", rtt.hasSynToSynAck() ? rtt.synToSynAckNanos() : null);
    seconds(g, "syn_ack_to_ack", rtt.hasSynAckToAck() ? rtt.synAckToAckNanos() : null);
    g.writeEndObject();
  }

  private void seconds(JsonGenerator g, String name, Long nanos) throws IOException {
    g.writeFieldName(name);
    if (nanos == null) {
      g.writeNull();
    } else {
      g.writeNumber(time.seconds(nanos));
    }
  }

  /** The end's fields; {@code "process"} only when known: absent means unknown, never guessed. */
  private static void endpoint(JsonGenerator g, String name, Endpoint end, ProcessInfo process)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("ip", end.ip());
    g.writeNumberField("port", end.port());
    g.writeStringField("port_class", end.portClass() == null ? null : end.portClass().label());
    g.writeBooleanField("ephemeral", end.ephemeral());
    g.writeStringField("service", end.service());
    if (process != null) {
      g.writeObjectFieldStart("process");
      g.writeNumberField("pid", process.pid());
      g.writeStringField("command", process.command());
      g.writeStringField("user", process.user());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void direction(JsonGenerator g, String name, DirectionStats stats) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("packets", stats.packets());
    g.writeNumberField("bytes", stats.bytes());
    g.writeNumberField("payload_bytes", stats.payloadBytes());
    number(g, "retransmitted_packets", stats.retransmittedPackets());
    number(g, "retransmitted_bytes", stats.retransmittedBytes());
    number(g, "out_of_order_packets", stats.outOfOrderPackets());
    number(g, "zero_window_events", stats.zeroWindowEvents());
    number(g, "mss", stats.mss());
    number(g, "window_scale", stats.windowScale());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Number value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.longValue());
    }
  }
}
