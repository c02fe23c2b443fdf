package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.T0;
import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.FlowRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowOrderTest {
  private static final List<FlowRecord> FLOWS = List.of(
      flow(0).time(T0 + 5, T0 + 10).c2s(1, 100, 0).s2c(1, 100, 0).build(),
      flow(1).time(T0, T0 + 50).c2s(9, 10, 0).s2c(1, 10, 0).build(),
      flow(2).time(T0, T0 + 20).c2s(2, 900, 0).s2c(2, 900, 0).build(),
      flow(3).time(T0 + 1, T0 + 50).c2s(1, 100, 0).s2c(1, 100, 0).build());

  private static List<Long> sorted(FlowOrder order) {
    List<FlowRecord> flows = new ArrayList<>(FLOWS);
    flows.sort(order.comparator());
    return flows.stream().map(FlowRecord::flowId).toList();
  }

  @Test
  void start_firstSeenThenFlowId() {
    assertEquals(List.of(1L, 2L, 3L, 0L), sorted(FlowOrder.START));
  }

  @Test
  void bytes_largestFirstTiesByFlowId() {
    assertEquals(List.of(2L, 0L, 3L, 1L), sorted(FlowOrder.BYTES));
  }

  @Test
  void packets_largestFirst() {
    assertEquals(List.of(1L, 2L, 0L, 3L), sorted(FlowOrder.PACKETS));
  }

  @Test
  void duration_longestFirstTiesByFlowId() {
    assertEquals(List.of(1L, 3L, 2L, 0L), sorted(FlowOrder.DURATION));
  }
}
