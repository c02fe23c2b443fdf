package io.portflow.cli.output.table;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.Endpoint;
import io.portflow.analyze.PortClass;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowRowsTest {
  private static String rows(io.portflow.analyze.FlowRecord... flows) throws IOException {
    StringWriter out = new StringWriter();
    FlowRows.of(List.of(flows)).print(out, false);
    return out.toString();
  }

  @Test
  void vlanColumnOnlyWhenAFlowHasOne() throws IOException {
    assertEquals("""
        #  vlan  client                   server               pkts  bytes        dur  state
        0    50  172.16.16.140:53350 eph  172.16.16.139:80 wk  6/4   481B/763B  151us  -
        1     -  172.16.16.140:53351 eph  172.16.16.139:80 wk  6/4   481B/763B  151us  -
        """, rows(
            flow(0).vlan(50).server("172.16.16.139", 80, null).build(),
            flow(1).client("172.16.16.140", 53351, true).server("172.16.16.139", 80, null).build()));
    assertEquals("""
        #  client                   server                    pkts  bytes        dur  state
        0  172.16.16.140:53350 eph  172.16.16.139:80 http/wk  6/4   481B/763B  151us  -
        """, rows(flow(0).build()));
  }

  @Test
  void clientLabel_ephemeralElseClass() {
    assertEquals("eph", FlowRows.clientLabel(new Endpoint("10.0.0.1", 40000, PortClass.REGISTERED, true, null)));
    assertEquals("reg", FlowRows.clientLabel(new Endpoint("10.0.0.1", 1025, PortClass.REGISTERED, false, null)));
    assertEquals("wk", FlowRows.clientLabel(new Endpoint("10.0.0.1", 1023, PortClass.WELL_KNOWN, false, "x")));
    assertEquals("dyn", FlowRows.clientLabel(new Endpoint("10.0.0.1", 60000, PortClass.DYNAMIC, false, null)));
  }

  @Test
  void serverLabel_serviceAndClass_longNamesCut() {
    assertEquals("https/wk", FlowRows.serverLabel(new Endpoint("10.0.0.1", 443, PortClass.WELL_KNOWN, false, "https")));
    assertEquals("reg", FlowRows.serverLabel(new Endpoint("10.0.0.1", 3001, PortClass.REGISTERED, false, null)));
    assertEquals("microsoft-ds/wk",
        FlowRows.serverLabel(new Endpoint("10.0.0.1", 445, PortClass.WELL_KNOWN, false, "microsoft-ds")));
    assertEquals("sun-sr-iio../reg",
        FlowRows.serverLabel(new Endpoint("10.0.0.1", 6489, PortClass.REGISTERED, false, "sun-sr-iiop-aut")));
  }
}
