package io.portflow.cli.output.table;

import static io.portflow.cli.fixtures.FlowBuilder.T0;
import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.FlowRecord;
import io.portflow.cli.fixtures.Overviews;
import io.portflow.cli.output.CaptureOverview;
import io.portflow.cli.output.FlowOrder;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {
  private static String table(CaptureOverview overview, List<FlowRecord> flows, boolean color)
      throws IOException {
    StringWriter out = new StringWriter();
    new TableWriter(out, TimePrecision.MICROS, color, FlowOrder.START).write(overview, flows);
    return out.toString();
  }

  private static List<FlowRecord> twoFlows() {
    return List.of(
        flow(0).state("SF", "ShADadFf").build(),
        flow(1).client("2001:db8:1:2::1002", 35023, true).server("2001:db8:1:2::1000", 80, "http")
            .time(T0 + 1_000_000_000L, T0 + 1_500_000_000L).c2s(6, 608, 84).s2c(1234, 1_234_567, 0)
            .build());
  }

  @Test
  void write_summaryThenAlignedRows() throws IOException {
    assertEquals("""
        sample.pcapng: pcapng, ethernet
        20 packets (3.4 kB), 20 TCP, 2 flows
        2012-09-23 18:41:11.123456 to 2012-09-23 18:41:12.623456 UTC (1.50s)

        #  client                          server                           pkts     bytes           dur  state
        0  172.16.16.140:53350        eph  172.16.16.139:80        http/wk  6/4      481B/763B     151us  closed ShADadFf
        1  [2001:db8:1:2::1002]:35023 eph  [2001:db8:1:2::1000]:80 http/wk  6/1,234  608B/1.2MB  500.0ms  -
        """, table(Overviews.simple(2), twoFlows(), false));
  }

  @Test
  void write_noFlows() throws IOException {
    assertEquals("""
        sample.pcapng: pcapng, ethernet
        20 packets (3.4 kB), 20 TCP, 0 flows
        2012-09-23 18:41:11.123456 to 2012-09-23 18:41:12.623456 UTC (1.50s)

        no flows
        """, table(Overviews.simple(0), List.of(), false));
  }

  @Test
  void write_busySummaryInBrief() throws IOException {
    String text = table(Overviews.busy(3), twoFlows().subList(0, 1), false);
    assertEquals("""
        day1.pcap.gz: pcap (gzip), ethernet
        day2.pcapng: pcapng, ethernet, linux-sll
        1,234 packets (1.2 MB), 419 TCP, 3 flows; skipped 815 (800 udp, 12 arp, 3 icmp); filter: tcp port 80
        2012-09-23 18:41:11.123456 to 2012-09-23 18:44:18.123456 UTC (3m07s)
        showing the first 1 of 3 flows
        """, text.substring(0, text.indexOf("\n\n") + 1));
  }

  @Test
  void write_colourOnlyWhenAsked() throws IOException {
    assertFalse(table(Overviews.simple(2), twoFlows(), false).contains("\u001b["));
    String coloured = table(Overviews.simple(2), twoFlows(), true);
    assertTrue(coloured.contains("\u001b[32mclosed ShADadFf\u001b[0m"), coloured);
    assertTrue(coloured.contains("\u001b[1mclient\u001b[0m"), coloured);
  }

  @Test
  void write_typicalIpv4RowsFitOneHundredColumns() throws IOException {
    List<FlowRecord> flows = List.of(
        flow(12).client("192.168.1.23", 52114, true).server("93.184.216.34", 443, "https")
            .c2s(1_204, 123_456, 0).s2c(987, 1_234_567, 0)
            .time(T0, T0 + 187_000_000_000L).state("S1", "ShADad").build(),
        flow(13).client("10.0.0.1", 1025, false).server("10.0.0.2", 22, "ssh")
            .state("REJ", "Sr").build());
    // A longer state ("client closed ShADadFTt") widens such a table beyond 100 columns.
    assertFits(table(Overviews.simple(2), flows, false));
  }

  @Test
  void write_longIpv6ElidedAsFarAsNeededToFit() throws IOException {
    List<FlowRecord> flows = List.of(
        flow(12).client("2a00:1450:4001:82a::200e", 52114, true)
            .server("2001:db8:85a3:8d3:1319:8a2e:370:7348", 443, "https").state("SF", "ShADadFf").build());
    String text = table(Overviews.simple(1), flows, false);
    assertFits(text);
    assertTrue(text.endsWith("""
        12  [2a00..200e]:52114 eph  [2001:db8..7348]:443 https/wk  6/4   481B/763B  151us  closed ShADadFf
        """), text);
  }

  @Test
  void write_ipv6KeptWholeWhenElidingCannotMakeItFit() throws IOException {
    List<FlowRecord> flows = List.of(
        flow(123_456).client("2001:db8:1:2::1002", 35023, true).server("2001:db8:1:2::1000", 80, "http")
            .c2s(123_456, 123_456_789, 0).s2c(234_567, 345_678_901, 0)
            .state("RSTOS0", "ShADadFfRrTtWw").build());
    String text = table(Overviews.simple(1), flows, false);
    assertTrue(text.contains("[2001:db8:1:2::1002]:35023 eph"), text);
  }

  @Test
  void write_stateInWordsThenHistory() throws IOException {
    List<FlowRecord> flows = List.of(
        flow(0).state("REJ", "Sr").build(),
        flow(1).state("RSTR", "ShADadr").build(),
        flow(2).state("OTH", "DdAFf").build(),
        flow(3).udp().state("SF", "Dd").build(),
        flow(4).state("XYZ", "S").build());
    String text = table(Overviews.simple(5), flows, false);
    assertTrue(text.contains("  refused Sr\n"), text);
    assertTrue(text.contains("  server reset ShADadr\n"), text);
    assertTrue(text.contains("  mid-stream DdAFf\n"), text);
    assertTrue(text.contains("  two-way Dd\n"), "UDP's SF: " + text);
    assertTrue(text.contains("  XYZ S\n"), "an unknown code stays a code: " + text);
  }

  private static void assertFits(String text) {
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= 100, line.length() + " columns: " + line);
    }
  }
}
