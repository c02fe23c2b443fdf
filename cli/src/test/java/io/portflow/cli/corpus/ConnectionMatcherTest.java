package io.portflow.cli.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.RoleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionMatcherTest {
  private static final HostPort CLIENT = HostPort.of("10.0.0.1", 40000);
  private static final HostPort SERVER = HostPort.of("10.0.0.2", 80);

  @Test
  void sameNumbersSeenFromEitherEnd_agree() {
    TsharkStream fromServer = stream(0, SERVER, CLIENT, 2, 120, 3, 200);
    assertEquals(List.of(), ConnectionMatcher.compare(List.of(fromServer), List.of(flow(0, 3, 200, 2, 120))));
  }

  @Test
  void reusedPair_matchesInOrderOfAppearance() {
    List<TsharkStream> streams = List.of(stream(0, CLIENT, SERVER, 1, 60, 1, 60), stream(1, CLIENT, SERVER, 4, 300, 3, 250));
    List<FlowRecord> flows = List.of(flow(1, 4, 300, 3, 250), flow(0, 1, 60, 1, 60));
    assertEquals(List.of(), ConnectionMatcher.compare(streams, flows));
  }

  @Test
  void countMismatch_namesStreamDirectionAndBothNumbers() {
    List<Difference> found = ConnectionMatcher.compare(
        List.of(stream(7, CLIENT, SERVER, 5, 400, 4, 300)), List.of(flow(0, 4, 340, 4, 300)));
    assertEquals(1, found.size());
    assertEquals("7", found.get(0).stream());
    assertTrue(found.get(0).text().contains("packets a->b tshark 5 portflow 4"), found.get(0).text());
    assertTrue(found.get(0).text().contains("bytes a->b tshark 400 portflow 340"), found.get(0).text());
  }

  @Test
  void unmatchedOnEitherSide_isADifference() {
    HostPort other = HostPort.of("2001:db8::1", 443);
    List<Difference> found = ConnectionMatcher.compare(
        List.of(stream(0, CLIENT, SERVER, 1, 60, 0, 0)), List.of(flow(0, 1, 60, 0, 0), flowTo(1, other)));
    assertEquals(List.of("flow:1"), found.stream().map(Difference::stream).toList());
    assertEquals(List.of("0"), ConnectionMatcher.compare(List.of(stream(0, CLIENT, other, 1, 60, 0, 0)),
        List.of()).stream().map(Difference::stream).toList());
  }

  @Test
  void ipv6Spellings_compareEqual() {
    assertEquals(HostPort.of("2001:db8:0:0:0:0:0:1", 1), HostPort.of("2001:db8::1", 1));
  }

  private static TsharkStream stream(int id, HostPort a, HostPort b, long pab, long bab, long pba, long bba) {
    return new TsharkStream(id, a, b, pab, bab, pba, bba, 0, 0);
  }

  private static FlowRecord flow(long id, long c2sPackets, long c2sBytes, long s2cPackets, long s2cBytes) {
    return record(id, SERVER, c2sPackets, c2sBytes, s2cPackets, s2cBytes);
  }

  private static FlowRecord flowTo(long id, HostPort server) {
    return record(id, server, 1, 60, 0, 0);
  }

  private static FlowRecord record(long id, HostPort server, long c2sP, long c2sB, long s2cP, long s2cB) {
    return new FlowRecord(id, null, "tcp", server.ip().contains(":") ? 6 : 4, null,
        new Endpoint(CLIENT.ip(), CLIENT.port(), PortClass.of(CLIENT.port()), true, null),
        new Endpoint(server.ip(), server.port(), PortClass.of(server.port()), false, null),
        RoleSource.SYN, 0, 0, new DirectionStats(c2sP, c2sB, 0), new DirectionStats(s2cP, s2cB, 0),
        null, null, EndReason.END_OF_CAPTURE);
  }
}
