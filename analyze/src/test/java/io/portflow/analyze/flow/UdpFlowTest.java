package io.portflow.analyze.flow;

import static io.portflow.analyze.testing.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.RoleSource;
import io.portflow.analyze.communityid.CommunityId;
import io.portflow.analyze.testing.Frames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP datagrams as flows: roles, Zeek's UDP conn_state and history, the 1-minute idle timeout. */
class UdpFlowTest {
  private static final String C = "10.0.0.1";
  private static final String S = "10.0.0.53";

  private final Traffic traffic = new Traffic();

  private FlowRecord only() {
    List<FlowRecord> records = traffic.finish();
    assertEquals(1, records.size());
    return records.get(0);
  }

  private static String state(FlowRecord flow) {
    return flow.connState() + " " + flow.history();
  }

  @Test
  void queryAndAnswer() {
    traffic.sendUdp(C, 51000, S, 53, 30).sendUdp(S, 53, C, 51000, 90);
    FlowRecord flow = only();
    assertEquals("udp", flow.transport());
    assertEquals(C, flow.client().ip());
    assertEquals("domain", flow.server().service());
    assertEquals(RoleSource.PORT, flow.roleSource());
    assertEquals("SF Dd", state(flow));
    assertEquals(new DirectionStats(1, 20 + 8 + 30, 30), flow.clientToServer());
    assertEquals(new DirectionStats(1, 20 + 8 + 90, 90), flow.serverToClient());
    assertNull(flow.handshakeRtt());
    assertEquals(EndReason.END_OF_CAPTURE, flow.endReason());
    assertEquals(new CommunityId().of(CommunityId.UDP, Frames.address(C), 51000,
        Frames.address(S), 53), flow.communityId());
  }

  @Test
  void answerSeenBeforeItsQueryKeepsTheServerOnPort53() {
    traffic.sendUdp(S, 53, C, 51000, 90);
    FlowRecord flow = only();
    assertEquals(C, flow.client().ip());
    assertEquals("SHR ^d", state(flow), "Zeek flips on the port, and the originator sent nothing");
    traffic.sendUdp(S, 53, C, 51001, 90).sendUdp(C, 51001, S, 53, 30);
    assertEquals("SF ^dD", state(traffic.finish().get(1)));
  }

  @Test
  void portsThatDoNotTellLeaveTheFirstSenderAsTheClient() {
    traffic.sendUdp(C, 50000, S, 60000, 10);
    FlowRecord flow = only();
    assertEquals(50000, flow.client().port());
    assertEquals(RoleSource.FIRST_PACKET, flow.roleSource());
    assertEquals("S0 D", state(flow));

    Traffic both = new Traffic();
    both.sendUdp(S, 123, C, 123, 48);
    FlowRecord ntp = both.finish().get(0);
    assertEquals(S, ntp.client().ip(), "two service ports: the first sender");
    assertEquals(RoleSource.FIRST_PACKET, ntp.roleSource());
  }

  @Test
  void idleForAMinuteFinishesAUdpFlow() {
    traffic.sendUdp(C, 51000, S, 53, 30).pause(Duration.ofSeconds(59)).sendUdp(C, 51000, S, 53, 30);
    assertEquals(0, traffic.emitted.size());
    traffic.pause(Duration.ofSeconds(61)).sendUdp(C, 51000, S, 53, 30);
    List<FlowRecord> records = traffic.finish();
    assertEquals(2, records.size());
    assertEquals(EndReason.IDLE_TIMEOUT, records.get(0).endReason());
    assertEquals(2, records.get(0).clientToServer().packets());
  }

  @Test
  void udpIdleTimeoutIsConfigurable() {
    Traffic slow = new Traffic(AnalyzerConfig.defaults().withUdpIdleTimeout(Duration.ofMinutes(10)));
    slow.sendUdp(C, 51000, S, 53, 30).pause(Duration.ofMinutes(9)).sendUdp(C, 51000, S, 53, 30);
    assertEquals(1, slow.finish().size());
  }

  @Test
  void tcpAndUdpOnTheSameTupleAreTwoFlows() {
    traffic.sendUdp(C, 51000, S, 53, 30).send(C, 51000, S, 53, SYN, 1, 0, 0);
    List<FlowRecord> records = traffic.finish();
    assertEquals(List.of("udp", "tcp"), records.stream().map(FlowRecord::transport).toList());
    assertEquals("S0 S", state(records.get(1)));
  }
}
