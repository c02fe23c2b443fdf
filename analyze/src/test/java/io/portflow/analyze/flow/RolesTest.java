package io.portflow.analyze.flow;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.RoleSource;
import org.junit.jupiter.api.Test;

/** Who is the client, which rule said so, and the port labels of both ends. */
class RolesTest {
  private static final String A = "10.0.0.1";
  private static final String B = "10.0.0.2";

  private static FlowRecord only(Traffic traffic) {
    var records = traffic.finish();
    assertEquals(1, records.size());
    return records.get(0);
  }

  /** A mid-stream flow: data from A:portA to B:portB and back, no handshake. */
  private static FlowRecord midStream(AnalyzerConfig config, int portA, int portB) {
    return only(new Traffic(config)
        .send(A, portA, B, portB, PSH | ACK, 100, 200, 10)
        .send(B, portB, A, portA, ACK, 200, 110, 0));
  }

  private static FlowRecord midStream(int portA, int portB) {
    return midStream(AnalyzerConfig.defaults(), portA, portB);
  }

  @Test
  void syn_senderIsTheClient() {
    FlowRecord flow = only(new Traffic()
        .send(A, 443, B, 51000, SYN, 1, 0, 0)
        .send(B, 51000, A, 443, SYN | ACK, 9, 2, 0));
    assertEquals(RoleSource.SYN, flow.roleSource());
    assertEquals(A, flow.client().ip());
    assertEquals(443, flow.client().port(), "the SYN beats the port heuristic");
  }

  @Test
  void syn_capturedAfterTheFirstSegmentsStillDecides() {
    FlowRecord flow = only(new Traffic()
        .send(B, 80, A, 51000, ACK, 500, 101, 0)
        .send(A, 51000, B, 80, ACK, 101, 501, 0)
        .send(A, 51000, B, 80, SYN, 100, 0, 0));
    assertEquals(RoleSource.SYN, flow.roleSource());
    assertEquals(A, flow.client().ip());
    assertEquals(2, flow.clientToServer().packets());
  }

  @Test
  void synAck_senderIsTheServerWhenNoSynWasSeen() {
    FlowRecord flow = only(new Traffic()
        .send(A, 8080, B, 1025, SYN | ACK, 500, 101, 0)
        .send(B, 1025, A, 8080, ACK, 101, 501, 0));
    assertEquals(RoleSource.SYN_ACK, flow.roleSource());
    assertEquals(B, flow.client().ip());
    assertEquals(8080, flow.server().port());
  }

  @Test
  void port_serviceBeatsEphemeral() {
    FlowRecord flow = midStream(51000, 443);
    assertEquals(RoleSource.PORT, flow.roleSource());
    assertEquals(443, flow.server().port());
    assertEquals(51000, flow.client().port());
    assertEquals(A, flow.client().ip());
  }

  @Test
  void port_serviceBeatsEphemeralWhicheverSideSpeaksFirst() {
    FlowRecord flow = midStream(443, 51000);
    assertEquals(443, flow.server().port());
    assertEquals(B, flow.client().ip());
  }

  @Test
  void port_namedPortInTheEphemeralRangeCountsAsAService() {
    assertEquals(40000, midStream(50000, 40000).server().port(), "40000/tcp is safetynetp");
  }

  @Test
  void port_bothServicePortsTheLowerIsTheServer() {
    assertEquals(3306, midStream(8080, 3306).server().port());
    assertEquals(3306, midStream(3306, 8080).server().port());
  }

  @Test
  void port_bothEphemeralTheLowerIsTheServer() {
    assertEquals(50000, midStream(60000, 50000).server().port());
  }

  @Test
  void port_equalPortsTheFirstPacketsReceiverIsTheServer() {
    FlowRecord flow = midStream(179, 179);
    assertEquals(A, flow.client().ip());
    assertEquals(B, flow.server().ip());
  }

  @Test
  void port_ephemeralRangeDecidesWhatIsAServicePort() {
    // 50000 and 60000 have no IANA name. By default both are ephemeral, so the lower one serves;
    // with the range 40000-55000, 60000 lies outside it and counts as a service port.
    assertEquals(50000, midStream(50000, 60000).server().port());
    assertEquals(60000, midStream(new AnalyzerConfig(40000, 55000), 50000, 60000).server().port());
  }

  @Test
  void labels_portClassServiceAndEphemeral() {
    FlowRecord flow = only(new Traffic()
        .send(A, 52114, B, 443, SYN, 1, 0, 0)
        .send(B, 443, A, 52114, SYN | ACK, 1, 2, 0));
    Endpoint client = flow.client();
    Endpoint server = flow.server();
    assertEquals(new Endpoint(A, 52114, PortClass.DYNAMIC, true, null), client);
    assertEquals(new Endpoint(B, 443, PortClass.WELL_KNOWN, false, "https"), server);
  }

  @Test
  void labels_ephemeralOnlyForAClientPortInsideTheRange() {
    FlowRecord lowClient = only(new Traffic().send(A, 1025, B, 22, SYN, 1, 0, 0));
    assertFalse(lowClient.client().ephemeral(), "1025 is below the default range");
    assertEquals(PortClass.REGISTERED, lowClient.client().portClass());
    assertEquals("ssh", lowClient.server().service());

    FlowRecord highServer = only(new Traffic().send(A, 40001, B, 60000, SYN, 1, 0, 0));
    assertTrue(highServer.client().ephemeral());
    assertFalse(highServer.server().ephemeral(), "a server port is never ephemeral");
    assertEquals(PortClass.DYNAMIC, highServer.server().portClass());
    assertNull(highServer.server().service());

    FlowRecord custom = only(new Traffic(new AnalyzerConfig(49152, 65535))
        .send(A, 40001, B, 80, SYN, 1, 0, 0));
    assertFalse(custom.client().ephemeral(), "40001 is outside 49152-65535");
  }

  @Test
  void labels_clientPortWithAnIanaNameShowsIt() {
    FlowRecord flow = only(new Traffic().send(A, 40000, B, 80, SYN, 1, 0, 0));
    assertEquals("safetynetp", flow.client().service());
    assertTrue(flow.client().ephemeral());
  }
}
