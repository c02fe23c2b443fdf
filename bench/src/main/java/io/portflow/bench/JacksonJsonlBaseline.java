package io.portflow.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.HandshakeRtt;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON Lines as the CLI wrote them with Jackson's UTF-8 generator and field names encoded once,
 * before its own encoder: kept only to measure that encoder against. Records without processes.
 * {@link JsonlBenchmark} checks at set-up that both write the same bytes, so this copy of the
 * layout cannot drift unnoticed.
 */
final class JacksonJsonlBaseline {
  private final JsonGenerator g;
  private final TimePrecision time;
  private final Map<String, SerializedString> names = new HashMap<>();

  JacksonJsonlBaseline(OutputStream out, TimePrecision time) throws IOException {
    this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).setRootValueSeparator(null);
    this.time = time;
  }

  void appendFlow(FlowRecord flow) throws IOException {
    g.writeStartObject();
    number("flow_id", flow.flowId());
    string("community_id", flow.communityId());
    string("transport", flow.transport());
    number("ip_version", flow.ipVersion());
    number("vlan", flow.vlan());
    endpoint("client", flow.client());
    endpoint("server", flow.server());
    string("role_source", flow.roleSource() == null ? null : flow.roleSource().label());
    string("first_seen", time.timestamp(flow.firstSeenNanos()));
    string("last_seen", time.timestamp(flow.lastSeenNanos()));
    seconds("duration", flow.lastSeenNanos() - flow.firstSeenNanos());
    direction("client_to_server", flow.clientToServer());
    direction("server_to_client", flow.serverToClient());
    string("conn_state", flow.connState());
    string("history", flow.history());
    string("end_reason", flow.endReason() == null ? null : flow.endReason().label());
    handshake(flow.handshakeRtt());
    g.writeEndObject();
    g.writeRaw('\n');
  }

  void flush() throws IOException {
    g.flush();
  }

  private void handshake(HandshakeRtt rtt) throws IOException {
    if (rtt == null) {
      name("handshake_rtt");
      g.writeNull();
      return;
    }
    name("handshake_rtt");
    g.writeStartObject();
    seconds("syn_to_syn_ack", rtt.hasSynToSynAck() ? rtt.synToSynAckNanos() : null);
    seconds("syn_ack_to_ack", rtt.hasSynAckToAck() ? rtt.synAckToAckNanos() : null);
    g.writeEndObject();
  }

  private void endpoint(String name, Endpoint end) throws IOException {
    name(name);
    g.writeStartObject();
    string("ip", end.ip());
    number("port", end.port());
    string("port_class", end.portClass() == null ? null : end.portClass().label());
    name("ephemeral");
    g.writeBoolean(end.ephemeral());
    string("service", end.service());
    g.writeEndObject();
  }

  private void direction(String name, DirectionStats stats) throws IOException {
    name(name);
    g.writeStartObject();
    number("packets", stats.packets());
    number("bytes", stats.bytes());
    number("payload_bytes", stats.payloadBytes());
    number("retransmitted_packets", stats.retransmittedPackets());
    number("retransmitted_bytes", stats.retransmittedBytes());
    number("out_of_order_packets", stats.outOfOrderPackets());
    number("zero_window_events", stats.zeroWindowEvents());
    number("mss", stats.mss());
    number("window_scale", stats.windowScale());
    g.writeEndObject();
  }

  private void seconds(String name, Long nanos) throws IOException {
    name(name);
    if (nanos == null) {
      g.writeNull();
    } else {
      g.writeNumber(time.seconds(nanos));
    }
  }

  private void string(String name, String value) throws IOException {
    name(name);
    g.writeString(value);
  }

  private void number(String name, long value) throws IOException {
    name(name);
    g.writeNumber(value);
  }

  private void number(String name, Number value) throws IOException {
    name(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.longValue());
    }
  }

  private void name(String name) throws IOException {
    g.writeFieldName(names.computeIfAbsent(name, SerializedString::new));
  }
}
