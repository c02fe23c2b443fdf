package io.portflow.analyze.tcp;

import static io.portflow.analyze.tcp.EndpointState.CLOSED;
import static io.portflow.analyze.tcp.EndpointState.ESTABLISHED;
import static io.portflow.analyze.tcp.EndpointState.INACTIVE;
import static io.portflow.analyze.tcp.EndpointState.PARTIAL;
import static io.portflow.analyze.tcp.EndpointState.RESET;
import static io.portflow.analyze.tcp.EndpointState.SYN_ACK_SENT;
import static io.portflow.analyze.tcp.EndpointState.SYN_SENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** main.zeek's conn_state() as a table of endpoint states. */
class ConnStateTest {

  @Test
  void table() {
    assertEquals("S0", ConnState.of(SYN_SENT, INACTIVE, 0, 0, "S"));
    assertEquals("S1", ConnState.of(ESTABLISHED, ESTABLISHED, 0, 0, "ShA"));
    assertEquals("SF", ConnState.of(CLOSED, CLOSED, 5, 2, "ShADadFf"));
    assertEquals("REJ", ConnState.of(SYN_SENT, RESET, 0, 0, "Sr"));
    assertEquals("REJ", ConnState.of(SYN_ACK_SENT, RESET, 0, 0, "Hr"));
    assertEquals("S2", ConnState.of(CLOSED, ESTABLISHED, 0, 0, "ShAF"));
    assertEquals("S3", ConnState.of(ESTABLISHED, CLOSED, 0, 0, "ShAf"));
    assertEquals("RSTO", ConnState.of(RESET, ESTABLISHED, 0, 0, "ShAR"));
    assertEquals("RSTR", ConnState.of(ESTABLISHED, RESET, 0, 0, "ShAr"));
    assertEquals("RSTOS0", ConnState.of(RESET, INACTIVE, 0, 0, "SR"));
    assertEquals("RSTRH", ConnState.of(INACTIVE, RESET, 0, 0, "^hr"));
    assertEquals("RSTRH", ConnState.of(PARTIAL, RESET, 0, 0, "Dr"));
    assertEquals("SH", ConnState.of(CLOSED, INACTIVE, 0, 0, "SF"));
    assertEquals("SHR", ConnState.of(INACTIVE, CLOSED, 0, 0, "^hf"));
    assertEquals("OTH", ConnState.of(PARTIAL, PARTIAL, 0, 0, "Da"));
    assertEquals("OTH", ConnState.of(INACTIVE, INACTIVE, 0, 0, ""));
  }

  @Test
  void bothReset_isRejOnlyWithoutPayload() {
    assertEquals("REJ", ConnState.of(RESET, RESET, 0, 0, "SRr"));
    assertEquals("RSTR", ConnState.of(RESET, RESET, 10, 0, "ShADRr"));
  }

  @Test
  void originatorResetWithSilentPeer_dependsOnHistoryPattern() {
    assertEquals("RSTOS0", ConnState.of(RESET, INACTIVE, 0, 0, "SaR"));
    assertEquals("OTH", ConnState.of(RESET, INACTIVE, 0, 0, "SaFR"));
    assertEquals("OTH", ConnState.of(RESET, INACTIVE, 0, 0, "R"));
    assertEquals("RSTOS0", ConnState.of(RESET, PARTIAL, 0, 0, "^SR"));
  }

  @Test
  void synThenReset_isZeeksAnchoredPattern() {
    assertTrue(ConnState.synThenReset("SR"));
    assertTrue(ConnState.synThenReset("^SR"));
    assertTrue(ConnState.synThenReset("SdtR"));
    assertTrue(ConnState.synThenReset("SRhA"));
    assertFalse(ConnState.synThenReset("SAR"));
    assertTrue(ConnState.synThenReset("ShR"), "the responder's h does not block");
    assertFalse(ConnState.synThenReset("SHR"), "an originator's H does");
    assertFalse(ConnState.synThenReset("xSR"));
    assertFalse(ConnState.synThenReset("S"));
    assertFalse(ConnState.synThenReset(""));
  }
}
