package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.cli.fixtures.Overviews;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void write_summaryThenFlows_prettyPrintedLikeJq() throws IOException {
    StringWriter out = new StringWriter();
    new JsonWriter(out, TimePrecision.MICROS).write(Overviews.simple(1), List.of(flow(0).build()));
    assertEquals("""
        {
          "summary": {
            "files": [
              {
                "path": "sample.pcapng",
                "format": "pcapng",
                "compressed": false,
                "link_types": [
                  "ethernet"
                ]
              }
            ],
            "reader": "portflow",
            "filter": null,
            "packets": 20,
            "bytes": 3424,
            "tcp_packets": 20,
            "udp_packets": 0,
            "flows": 1,
            "first_seen": "2012-09-23T18:41:11.123456Z",
            "last_seen": "2012-09-23T18:41:12.623456Z",
            "duration": 1.500000,
            "link_types": {
              "ethernet": 20
            },
            "skipped": {},
            "anomalies": {},
            "error": null,
            "warnings": []
          },
          "flows": [
            {
              "flow_id": 0,
              "community_id": null,
              "transport": "tcp",
              "ip_version": 4,
              "vlan": null,
              "client": {
                "ip": "172.16.16.140",
                "port": 53350,
                "port_class": "dynamic",
                "ephemeral": true,
                "service": null
              },
              "server": {
                "ip": "172.16.16.139",
                "port": 80,
                "port_class": "well-known",
                "ephemeral": false,
                "service": "http"
              },
              "role_source": "syn",
              "first_seen": "2012-09-23T18:41:11.123456Z",
              "last_seen": "2012-09-23T18:41:11.123607Z",
              "duration": 0.000151,
              "client_to_server": {
                "packets": 6,
                "bytes": 481,
                "payload_bytes": 77,
                "retransmitted_packets": null,
                "retransmitted_bytes": null,
                "out_of_order_packets": null,
                "zero_window_events": null,
                "mss": null,
                "window_scale": null
              },
              "server_to_client": {
                "packets": 4,
                "bytes": 763,
                "payload_bytes": 491,
                "retransmitted_packets": null,
                "retransmitted_bytes": null,
                "out_of_order_packets": null,
                "zero_window_events": null,
                "mss": null,
                "window_scale": null
              },
              "conn_state": null,
              "history": null,
              "end_reason": "fin",
              "handshake_rtt": null
            }
          ]
        }
        """, out.toString());
  }

  @Test
  void write_busySummary() throws IOException {
    StringWriter out = new StringWriter();
    new JsonWriter(out, TimePrecision.MICROS).write(Overviews.busy(0), List.of());
    JsonNode summary = MAPPER.readTree(out.toString()).get("summary");
    assertEquals("[{\"path\":\"day1.pcap.gz\",\"format\":\"pcap\",\"compressed\":true,\"link_types\":[\"ethernet\"]},"
        + "{\"path\":\"day2.pcapng\",\"format\":\"pcapng\",\"compressed\":false,\"link_types\":[\"ethernet\",\"linux-sll\"]}]",
        summary.get("files").toString());
    assertEquals("libpcap", summary.get("reader").asText());
    assertEquals("tcp port 80", summary.get("filter").asText());
    assertEquals("{\"ethernet\":1200,\"linux-sll\":34}", summary.get("link_types").toString());
    assertEquals("{\"udp\":800,\"arp\":12,\"icmp\":3}", summary.get("skipped").toString());
    assertTrue(out.toString().contains("\"duration\": 187.000000,"), out.toString());
    assertTrue(summary.get("error").asText().startsWith("day2.pcapng: record 7"));
    assertEquals(1, summary.get("warnings").size());
    assertTrue(summary.get("warnings").get(0).asText().startsWith("day1.pcap.gz: record 3"));
    assertTrue(out.toString().contains("\"warnings\": [\n      \"day1.pcap.gz: record 3"), out.toString());
    assertEquals("[]", MAPPER.readTree(out.toString()).get("flows").toString());
  }

  @Test
  void write_noPacketsHasNullTimes() throws IOException {
    StringWriter out = new StringWriter();
    CaptureOverview empty = new CaptureOverview(List.of(), new io.portflow.analyze.CaptureSummary(
        0, 0, 0, 0, 0, 0, java.util.Map.of(), java.util.Map.of()), "portflow", null, null, List.of());
    new JsonWriter(out, TimePrecision.MICROS).write(empty, List.of());
    JsonNode summary = MAPPER.readTree(out.toString()).get("summary");
    assertTrue(summary.get("first_seen").isNull());
    assertTrue(summary.get("last_seen").isNull());
    assertTrue(out.toString().contains("\"duration\": 0.000000,"), out.toString());
  }

  @Test
  void write_everyFlowMatchesTheSchema() throws IOException {
    StringWriter out = new StringWriter();
    new JsonWriter(out, TimePrecision.MICROS).write(Overviews.simple(2), List.of(
        flow(0).build(),
        flow(1).client("::1", 62282, true).server("::1", 6379, "redis").state("REJ", "Sr").build()));
    for (JsonNode flow : MAPPER.readTree(out.toString()).get("flows")) {
      Schema.assertValid(flow);
    }
  }
}
