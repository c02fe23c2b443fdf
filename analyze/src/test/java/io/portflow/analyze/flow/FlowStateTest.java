package io.portflow.analyze.flow;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.RST;
import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.RoleSource;
import io.portflow.analyze.communityid.CommunityId;
import io.portflow.analyze.testing.Frames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zeek's conn_state and history on the flow records, rendered for the client the roles chose, the
 * end reason, and the Community ID.
 */
class FlowStateTest {
  private static final String C = "10.0.0.1";
  private static final String S = "10.0.0.2";

  private final Traffic traffic = new Traffic();

  private Traffic client(int flags, long seq, long ack, int payload) {
    return traffic.send(C, 40000, S, 80, flags, seq, ack, payload);
  }

  private Traffic server(int flags, long seq, long ack, int payload) {
    return traffic.send(S, 80, C, 40000, flags, seq, ack, payload);
  }

  private FlowRecord only() {
    List<FlowRecord> records = traffic.finish();
    assertEquals(1, records.size());
    return records.get(0);
  }

  private static String state(FlowRecord flow) {
    return flow.connState() + " " + flow.history();
  }

  @Test
  void normalCloseIsSfWithEndReasonFin() {
    client(SYN, 100, 0, 0);
    server(SYN | ACK, 500, 101, 0);
    client(ACK, 101, 501, 0);
    client(PSH | ACK, 101, 501, 10);
    server(ACK, 501, 111, 0);
    server(PSH | ACK, 501, 111, 20);
    client(FIN | ACK, 111, 521, 0);
    server(FIN | ACK, 521, 112, 0);
    client(ACK, 112, 522, 0);
    FlowRecord flow = only();
    assertEquals("SF ShADadFf", state(flow));
    assertEquals(EndReason.FIN, flow.endReason());
  }

  @Test
  void refusedIsRejWithEndReasonRst() {
    client(SYN, 100, 0, 0);
    server(RST | ACK, 0, 101, 0);
    FlowRecord flow = only();
    assertEquals("REJ Sr", state(flow));
    assertEquals(EndReason.RST, flow.endReason());
  }

  @Test
  void abortsFromEitherSide() {
    client(SYN, 100, 0, 0);
    server(SYN | ACK, 500, 101, 0);
    client(ACK, 101, 501, 0);
    server(RST, 501, 0, 0);
    assertEquals("RSTR ShAr", state(only()));
  }

  @Test
  void unansweredSynRetransmissionsAreOneS0() {
    client(SYN, 100, 0, 0);
    client(SYN, 100, 0, 0);
    client(SYN, 100, 0, 0);
    FlowRecord flow = only();
    assertEquals("S0 S", state(flow));
    assertEquals(EndReason.END_OF_CAPTURE, flow.endReason());
  }

  @Test
  void halfCloseWithoutTheSecondFinEndsWithTheCapture() {
    client(SYN, 100, 0, 0);
    server(SYN | ACK, 500, 101, 0);
    client(ACK, 101, 501, 0);
    client(FIN | ACK, 101, 501, 0);
    FlowRecord flow = only();
    assertEquals("S2 ShAF", state(flow));
    assertEquals(EndReason.END_OF_CAPTURE, flow.endReason(), "the server never closed");
  }

  @Test
  void finToASilentPeerIsACompleteClose() {
    client(SYN, 100, 0, 0);
    client(FIN, 101, 0, 0);
    FlowRecord flow = only();
    assertEquals("SH SF", state(flow));
    assertEquals(EndReason.FIN, flow.endReason());
  }

  @Test
  void synAckFirstMakesItsReceiverTheClientAndZeekMarksTheFlip() {
    server(SYN | ACK, 500, 101, 0);
    client(ACK, 101, 501, 0);
    client(PSH | ACK, 101, 501, 5);
    FlowRecord flow = only();
    assertEquals(RoleSource.SYN_ACK, flow.roleSource());
    assertEquals(C, flow.client().ip());
    assertEquals("S1 ^hAD", state(flow));
  }

  @Test
  void midStreamFromTheServerPortIsFlippedByThePortHeuristic() {
    server(PSH | ACK, 500, 101, 5);
    client(ACK, 101, 505, 0);
    FlowRecord flow = only();
    assertEquals(RoleSource.PORT, flow.roleSource());
    assertEquals(C, flow.client().ip());
    assertEquals("OTH ^dA", state(flow));
  }

  @Test
  void midStreamFromTheClientPortIsNotFlipped() {
    client(PSH | ACK, 101, 500, 5);
    server(ACK, 500, 106, 0);
    client(FIN | ACK, 106, 500, 0);
    server(FIN | ACK, 500, 107, 0);
    assertEquals("SF DaFf", state(only()));
  }

  @Test
  void aLateSynOverrulesThePortGuessAndTheHistoryIsMirrored() {
    // First packet: an ACK from the ephemeral port, so the state machine starts with 10.0.0.1 as
    // the originator. The SYN that follows comes from the other end and decides the roles.
    traffic.send(C, 40000, S, 80, ACK, 100, 500, 0)
        .send(S, 80, C, 40000, SYN, 499, 0, 0);
    FlowRecord flow = only();
    assertEquals(RoleSource.SYN, flow.roleSource());
    assertEquals(S, flow.client().ip());
    assertEquals("^aS", flow.history(), "Zeek's history for originator 10.0.0.1, case swapped");
  }

  @Test
  void openConnectionTakenOverByANewSynEndsAsReused() {
    client(SYN, 100, 0, 0);
    server(SYN | ACK, 500, 101, 0);
    client(ACK, 101, 501, 0);
    client(SYN, 9000, 0, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(EndReason.REUSED, records.get(0).endReason());
    assertEquals("S1 ShA", state(records.get(0)));
    assertEquals("S0 S", state(records.get(1)));
  }

  @Test
  void closedConnectionFollowedByANewSynEndsAsFinNotReused() {
    client(SYN, 100, 0, 0);
    server(SYN | ACK, 500, 101, 0);
    client(FIN | ACK, 101, 501, 0);
    server(FIN | ACK, 501, 102, 0);
    client(SYN, 9000, 0, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(EndReason.FIN, records.get(0).endReason());
    assertEquals("SF ShFf", state(records.get(0)));
  }

  @Test
  void communityIdIsTheSameFromBothDirectionsAndHonoursTheSeed() {
    client(SYN, 100, 0, 0);
    FlowRecord flow = only();
    String expected = new CommunityId().of(CommunityId.TCP, Frames.address(S), 80,
        Frames.address(C), 40000);
    assertEquals(expected, flow.communityId());

    Traffic seeded = new Traffic(AnalyzerConfig.defaults().withCommunityIdSeed(7));
    seeded.send(S, 80, C, 40000, SYN | ACK, 500, 101, 0);
    String withSeed = seeded.finish().get(0).communityId();
    assertEquals(new CommunityId(7).of(CommunityId.TCP, Frames.address(C), 40000,
        Frames.address(S), 80), withSeed);
    assertNotEquals(expected, withSeed);
  }

  @Test
  void communityIdOfAnIpv6Flow() {
    traffic.send("2001:db8::1", 40000, "2001:db8::2", 443, SYN, 1, 0, 0);
    assertEquals(new CommunityId().of(CommunityId.TCP, Frames.address("2001:db8::1"), 40000,
        Frames.address("2001:db8::2"), 443), only().communityId());
  }
}
