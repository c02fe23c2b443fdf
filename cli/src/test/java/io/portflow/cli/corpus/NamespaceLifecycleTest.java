package io.portflow.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.FlowRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The namespace captures of real Linux TCP (corpus/ns): for every connection, which rule decided
 * the roles, why its record was written, and Zeek's state, as one line per flow. conn_state and
 * history against the hand-worked Zeek expectations are {@link ZeekStateExpectationTest}'s; this
 * pins the rest of the lifecycle.
 */
class NamespaceLifecycleTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      sf-normal.pcap              | syn fin SF ShADadFf
      vlan-sf-normal.pcap         | syn fin SF ShADadFf
      ipv6-sf.pcap                | syn fin SF ShADadFf
      half-close.pcap             | syn fin SF ShADaFdf
      rej-closed-port.pcap        | syn rst REJ Sr
      s0-syn-dropped.pcap         | syn end-of-capture S0 S
      rsto-client-abort.pcap      | syn rst RSTO ShADadR
      rstr-server-abort.pcap      | syn rst RSTR ShADadr
      synack-answered-by-rst.pcap | syn rst RSTO ShR
      abandoned-handshake.pcap    | syn end-of-capture S1 Sh
      midstream.pcap              | port fin SF DdAFf
      reuse-5x.pcap               | syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF
      ipv6-reuse-5x.pcap          | syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF, syn fin SF ShADadfF
      """)
  void everyConnectionsRoleRuleEndReasonAndState(String capture, String expected) throws IOException {
    Path file = TsharkAgreementTest.corpusRoot().resolve("ns").resolve(capture);
    List<FlowRecord> flows = InProcessAnalysis.of(file).flows();
    String actual = flows.stream()
        .map(f -> f.roleSource().label() + " " + f.endReason().label() + " " + f.connState() + " "
            + f.history())
        .collect(Collectors.joining(", "));
    assertEquals(expected, actual);
    for (FlowRecord flow : flows) {
      // make-test-captures always connects from the client namespace to the server namespace.
      assertEquals(flow.ipVersion() == 4 ? "10.231.0.1" : "fd00:231::1", flow.client().ip());
      assertEquals(flow.ipVersion() == 4 ? "10.231.0.2" : "fd00:231::2", flow.server().ip());
    }
  }
}
