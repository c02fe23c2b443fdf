package io.portflow.analyze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowTableTest {
  private final FlowTable table = new FlowTable();

  /** A probe for flow number {@code n} with a chosen hash, to force collisions. */
  private static FlowProbe probe(int n, int hash) {
    FlowProbe probe = new FlowProbe();
    probe.ipVersion = 4;
    probe.aLo = n;
    probe.bLo = n + 1;
    probe.aPort = 1000;
    probe.bPort = 80;
    probe.vlanOuter = -1;
    probe.vlanInner = -1;
    probe.hash = hash;
    return probe;
  }

  @Test
  void findReturnsNullForAnUnknownKey() {
    assertNull(table.find(probe(1, 7)));
  }

  @Test
  void collidingKeysAcrossTheWrapAroundStayFindableAfterRemovals() {
    // Every key hashes to one of the last three slots, so runs wrap to the start of the table.
    List<Flow> flows = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      Flow flow = new Flow(n, probe(n, 1021 + n % 3), 0, true);
      table.insert(flow);
      flows.add(flow);
    }
    Random random = new Random(42);
    List<Flow> removed = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Flow victim = flows.remove(random.nextInt(flows.size()));
      table.remove(victim);
      removed.add(victim);
    }
    assertEquals(15, table.size());
    for (Flow flow : flows) {
      assertSame(flow, table.find(probe((int) flow.id, flow.hash)), "flow " + flow.id);
    }
    for (Flow flow : removed) {
      assertNull(table.find(probe((int) flow.id, flow.hash)), "removed flow " + flow.id);
    }
  }

  @Test
  void replaceKeepsTheSlot() {
    Flow first = new Flow(0, probe(5, 3), 0, true);
    table.insert(first);
    Flow second = new Flow(1, probe(5, 3), 0, true);
    table.replace(first, second);
    assertSame(second, table.find(probe(5, 3)));
    assertEquals(1, table.size());
  }

  @Test
  void growingKeepsEveryFlowAndIdOrder() {
    for (int n = 0; n < 3000; n++) {
      table.insert(new Flow(2999 - n, probe(n, n * 0x9e3779b9), 0, true));
    }
    Flow[] ordered = table.inIdOrder();
    assertEquals(3000, ordered.length);
    for (int i = 0; i < ordered.length; i++) {
      assertEquals(i, ordered[i].id);
    }
  }

  @Test
  void removingAFlowThatIsNotThereIsABug() {
    Flow stranger = new Flow(9, probe(9, 9), 0, true);
    assertThrows(IllegalStateException.class, () -> table.remove(stranger));
  }
}
