package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.fixtures.Overviews;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlWriterTest {
  private static final String NO_DETAIL = "\"retransmitted_packets\":null,\"retransmitted_bytes\":null,"
      + "\"out_of_order_packets\":null,\"zero_window_events\":null,\"mss\":null,\"window_scale\":null";
  private static final String PLAIN_FLOW = "{\"flow_id\":0,\"community_id\":null,\"transport\":\"tcp\","
      + "\"ip_version\":4,\"vlan\":null,"
      + "\"client\":{\"ip\":\"172.16.16.140\",\"port\":53350,\"port_class\":\"dynamic\",\"ephemeral\":true,\"service\":null},"
      + "\"server\":{\"ip\":\"172.16.16.139\",\"port\":80,\"port_class\":\"well-known\",\"ephemeral\":false,\"service\":\"http\"},"
      + "\"role_source\":\"syn\",\"first_seen\":\"2012-09-23T18:41:11.123456Z\","
      + "\"last_seen\":\"2012-09-23T18:41:11.123607Z\",\"duration\":0.000151,"
      + "\"client_to_server\":{\"packets\":6,\"bytes\":481,\"payload_bytes\":77," + NO_DETAIL + "},"
      + "\"server_to_client\":{\"packets\":4,\"bytes\":763,\"payload_bytes\":491," + NO_DETAIL + "},"
      + "\"conn_state\":null,\"history\":null,\"end_reason\":\"fin\",\"handshake_rtt\":null}\n";

  @Test
  void writeFlow_oneCompactLineWithTheContractFieldsInOrder() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(flow(0).build());
    assertEquals(PLAIN_FLOW, out.toString());
  }

  @Test
  void writeFlow_tcpDetailAndHandshakeRtt() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(
        flow(0).detail(2, 1448, 1, 0, 1460, 7).rtt(45_000, 1_000_000).state("SF", "ShADadFf").build());
    String line = out.toString();
    assertTrue(line.contains("\"client_to_server\":{\"packets\":6,\"bytes\":481,\"payload_bytes\":77,"
        + "\"retransmitted_packets\":2,\"retransmitted_bytes\":1448,\"out_of_order_packets\":1,"
        + "\"zero_window_events\":0,\"mss\":1460,\"window_scale\":7},"), line);
    assertTrue(line.endsWith("\"handshake_rtt\":{\"syn_to_syn_ack\":0.000045,\"syn_ack_to_ack\":0.001000}}\n"), line);
  }

  @Test
  void writeFlow_unknownRttLegIsNull() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(flow(0).rtt(-1, 2_000).build());
    assertTrue(out.toString().endsWith("\"handshake_rtt\":{\"syn_to_syn_ack\":null,\"syn_ack_to_ack\":0.000002}}\n"),
        out.toString());
  }

  @Test
  void writeFlow_flushesEachLine() throws IOException {
    FlushCountingWriter out = new FlushCountingWriter();
    JsonlWriter writer = new JsonlWriter(out, TimePrecision.MICROS);
    writer.writeFlow(flow(0).build());
    assertEquals(1, out.flushedLines());
    writer.writeFlow(flow(1).build());
    assertEquals(2, out.flushedLines());
  }

  @Test
  void write_linesOnlyNoSummary() throws IOException {
    StringWriter out = new StringWriter();
    List<FlowRecord> flows = List.of(flow(3).build(), flow(1).vlan(7).build());
    new JsonlWriter(out, TimePrecision.MICROS).write(Overviews.busy(2), flows);
    String[] lines = out.toString().split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals("", lines[2]);
    assertTrue(lines[0].startsWith("{\"flow_id\":3,"), lines[0]);
    assertTrue(lines[1].contains("\"vlan\":7,"), lines[1]);
  }

  @Test
  void write_everyLineMatchesTheSchema() throws IOException {
    StringWriter out = new StringWriter();
    List<FlowRecord> flows = List.of(
        flow(0).build(),
        flow(1).client("2001:db8:1:2::1002", 35023, false).server("2001:db8:1:2::1000", 80, "http")
            .vlan(4095).state("SF", "ShADadFf").communityId("1:LQU9qZlK+B5F3KDmev6m5PMibrg=").build(),
        flow(2).server("10.0.0.3", 3000, null).state("REJ", "Sr").detail(0, 0, 0, 0, 1460, null)
            .rtt(30_000, -1).build(),
        flow(3).udp().server("10.0.0.53", 53, "domain").state("SF", "Dd").build());
    new JsonlWriter(out, TimePrecision.NANOS).write(Overviews.simple(3), flows);
    ObjectMapper mapper = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      Schema.assertValid(mapper.readTree(line));
    }
  }

  /** Counts flushes that came right after a complete line. */
  private static final class FlushCountingWriter extends StringWriter {
    private int flushedLines;

    @Override
    public void flush() {
      String text = toString();
      if (text.endsWith("\n") && text.split("\n").length > flushedLines) {
        flushedLines++;
      }
    }

    int flushedLines() {
      return flushedLines;
    }
  }
}
