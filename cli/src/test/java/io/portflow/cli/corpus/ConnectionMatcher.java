package io.portflow.cli.corpus;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.FlowRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs portflow's flows with tshark's streams and says where their numbers differ. A flow and a
 * stream are the same connection when they join the same two endpoints and come at the same place
 * in the order of appearance of that endpoint pair (the n-th flow of a pair is the n-th stream of
 * it), which is how port reuse lines up on both sides.
 */
final class ConnectionMatcher {
  private ConnectionMatcher() {}

  /** Each tshark stream number with its portflow flow; streams without one are left out. */
  static Map<Integer, FlowRecord> pair(List<TsharkStream> streams, List<FlowRecord> flows) {
    Map<Set<HostPort>, Deque<FlowRecord>> byPair = new LinkedHashMap<>();
    flows.stream()
        .sorted(Comparator.comparingLong(FlowRecord::flowId))
        .forEach(f -> byPair.computeIfAbsent(endpoints(client(f), server(f)), k -> new ArrayDeque<>()).add(f));
    Map<Integer, FlowRecord> pairs = new LinkedHashMap<>();
    streams.stream().sorted(Comparator.comparingInt(TsharkStream::stream)).forEach(s -> {
      Deque<FlowRecord> candidates = byPair.get(endpoints(s.a(), s.b()));
      if (candidates != null && !candidates.isEmpty()) {
        pairs.put(s.stream(), candidates.poll());
      }
    });
    return pairs;
  }

  static List<Difference> compare(List<TsharkStream> streams, List<FlowRecord> flows) {
    Map<Integer, FlowRecord> pairs = pair(streams, flows);
    List<Difference> differences = new ArrayList<>();
    for (TsharkStream stream : streams) {
      FlowRecord flow = pairs.get(stream.stream());
      if (flow == null) {
        differences.add(Difference.ofStream(stream, "stream " + stream.stream() + " " + stream.a()
            + " <-> " + stream.b() + " (" + (stream.packetsAtoB() + stream.packetsBtoA())
            + " packets" + hints(stream) + ") has no portflow flow"));
      } else {
        compareCounts(stream, flow, differences);
      }
    }
    Set<Long> paired = new HashSet<>();
    pairs.values().forEach(f -> paired.add(f.flowId()));
    for (FlowRecord flow : flows) {
      if (!paired.contains(flow.flowId())) {
        differences.add(Difference.ofFlow(flow.flowId(), "portflow flow " + flow.flowId() + " "
            + client(flow) + " -> " + server(flow) + " (" + flow.clientToServer().packets() + "+"
            + flow.serverToClient().packets() + " packets"
            + (flow.vlan() == null ? "" : ", vlan " + flow.vlan()) + ") matches no tshark stream"));
      }
    }
    return differences;
  }

  private static void compareCounts(TsharkStream stream, FlowRecord flow, List<Difference> out) {
    boolean aIsClient = stream.a().equals(client(flow));
    DirectionStats aToB = aIsClient ? flow.clientToServer() : flow.serverToClient();
    DirectionStats bToA = aIsClient ? flow.serverToClient() : flow.clientToServer();
    List<String> deltas = new ArrayList<>();
    delta(deltas, "packets a->b", stream.packetsAtoB(), aToB.packets());
    delta(deltas, "bytes a->b", stream.bytesAtoB(), aToB.bytes());
    delta(deltas, "packets b->a", stream.packetsBtoA(), bToA.packets());
    delta(deltas, "bytes b->a", stream.bytesBtoA(), bToA.bytes());
    if (!deltas.isEmpty()) {
      out.add(Difference.ofStream(stream, "stream " + stream.stream() + " a=" + stream.a() + " b="
          + stream.b() + " vs portflow flow " + flow.flowId() + ": " + String.join(", ", deltas)
          + hints(stream)));
    }
  }

  private static void delta(List<String> out, String what, long tshark, long portflow) {
    if (tshark != portflow) {
      out.add(what + " tshark " + tshark + " portflow " + portflow);
    }
  }

  private static String hints(TsharkStream stream) {
    StringBuilder hints = new StringBuilder();
    if (stream.malformed() > 0) {
      hints.append("; tshark counts ").append(stream.malformed()).append(" malformed frame(s) here");
    }
    if (stream.icmpQuoted() > 0) {
      hints.append("; ").append(stream.icmpQuoted()).append(" ICMP-quoted header(s) not counted by tshark's row");
    }
    return hints.toString();
  }

  private static Set<HostPort> endpoints(HostPort x, HostPort y) {
    return x.equals(y) ? Set.of(x) : Set.of(x, y);
  }

  static HostPort client(FlowRecord flow) {
    return HostPort.of(flow.client().ip(), flow.client().port());
  }

  static HostPort server(FlowRecord flow) {
    return HostPort.of(flow.server().ip(), flow.server().port());
  }
}
