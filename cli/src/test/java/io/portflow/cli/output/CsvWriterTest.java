package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.Overviews;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  private static final String HEADER = "flow_id,community_id,transport,ip_version,vlan,"
      + "client_ip,client_port,client_port_class,client_ephemeral,client_service,"
      + "server_ip,server_port,server_port_class,server_ephemeral,server_service,"
      + "role_source,first_seen,last_seen,duration,"
      + "c2s_packets,c2s_bytes,c2s_payload_bytes,s2c_packets,s2c_bytes,s2c_payload_bytes,"
      + "conn_state,history,end_reason,"
      + "c2s_retransmitted_packets,c2s_retransmitted_bytes,c2s_out_of_order_packets,"
      + "c2s_zero_window_events,c2s_mss,c2s_window_scale,"
      + "s2c_retransmitted_packets,s2c_retransmitted_bytes,s2c_out_of_order_packets,"
      + "s2c_zero_window_events,s2c_mss,s2c_window_scale,rtt_syn_to_syn_ack,rtt_syn_ack_to_ack\n";

  @Test
  void write_headerThenOneRowPerFlow_nullsEmpty() throws IOException {
    StringWriter out = new StringWriter();
    new CsvWriter(out, TimePrecision.MICROS).write(Overviews.simple(1), List.of(flow(0).build()));
    assertEquals(HEADER
        + "0,,tcp,4,,172.16.16.140,53350,dynamic,true,,172.16.16.139,80,well-known,false,http,"
        + "syn,2012-09-23T18:41:11.123456Z,2012-09-23T18:41:11.123607Z,0.000151,"
        + "6,481,77,4,763,491,,,fin,,,,,,,,,,,,,,\n", out.toString());
  }

  @Test
  void write_noFlowsIsJustTheHeader() throws IOException {
    StringWriter out = new StringWriter();
    new CsvWriter(out, TimePrecision.MICROS).write(Overviews.simple(0), List.of());
    assertEquals(HEADER, out.toString());
  }

  @Test
  void write_ipv6VlanAndState() throws IOException {
    StringWriter out = new StringWriter();
    new CsvWriter(out, TimePrecision.NANOS).write(Overviews.simple(1), List.of(
        flow(9).client("2001:db8::2", 1025, false).server("2001:db8::1", 443, "https").vlan(12)
            .state("SF", "ShADadFf").communityId("1:LQU9qZlK+B5F3KDmev6m5PMibrg=")
            .detail(2, 1448, 1, 0, 1440, 7).rtt(45_000, -1).build()));
    String row = out.toString().split("\n")[1];
    assertEquals("9,1:LQU9qZlK+B5F3KDmev6m5PMibrg=,tcp,6,12,2001:db8::2,1025,registered,false,,"
        + "2001:db8::1,443,well-known,false,https,syn,2012-09-23T18:41:11.123456000Z,"
        + "2012-09-23T18:41:11.123607000Z,0.000151000,6,481,77,4,763,491,SF,ShADadFf,fin,"
        + "2,1448,1,0,1440,7,0,0,0,0,,,0.000045000,", row);
  }

  @Test
  void write_quotesFieldsWithCommasAndQuotes() throws IOException {
    StringWriter out = new StringWriter();
    new CsvWriter(out, TimePrecision.MICROS).write(Overviews.simple(1),
        List.of(flow(0).server("10.0.0.1", 80, "odd,\"name\"").build()));
    assertTrue(out.toString().contains(",false,\"odd,\"\"name\"\"\",syn,"), out.toString());
  }

  @Test
  void needsQuotes_rfc4180() {
    assertTrue(CsvWriter.needsQuotes("a,b"));
    assertTrue(CsvWriter.needsQuotes("a\"b"));
    assertTrue(CsvWriter.needsQuotes("a\nb"));
    assertTrue(CsvWriter.needsQuotes("a\rb"));
    assertFalse(CsvWriter.needsQuotes("2001:db8::1"));
    assertFalse(CsvWriter.needsQuotes("1:LQU9qZlK+B5F3KDmev6m5PMibrg="));
  }

  @Test
  void columns_oneForEveryFieldOfTheHeader() {
    assertEquals(HEADER.trim(), String.join(",", CsvWriter.COLUMNS));
  }
}
