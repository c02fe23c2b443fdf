package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowRatesTest {
  private static final long S = 1_000_000_000L;

  @Test
  void youngFlow_rateSinceItsFirstPacket() {
    FlowRates rates = new FlowRates();
    FlowRates.Rate r = rates.update(1, 10 * S, 1000, 500, 10 * S + S / 2);
    assertEquals(2000, r.clientToServer(), 1e-9);
    assertEquals(1000, r.serverToClient(), 1e-9);
  }

  @Test
  void olderFlow_rateOverTheLastSecond() {
    FlowRates rates = new FlowRates();
    long t = 100 * S;
    rates.update(1, 0, 1_000_000, 0, t);
    for (int i = 1; i <= 10; i++) rates.update(1, 0, 1_000_000 + i * 200, 0, t + i * S / 5);
    // The last second (5 ticks of 200 ms) carried 1000 bytes.
    FlowRates.Rate r = rates.update(1, 0, 1_000_000 + 11 * 200, 0, t + 11 * S / 5);
    assertEquals(1000, r.clientToServer(), 1e-6);
  }

  @Test
  void quietFlow_dropsToZero() {
    FlowRates rates = new FlowRates();
    rates.update(1, 0, 5000, 0, S);
    rates.update(1, 0, 9000, 0, 2 * S);
    assertEquals(0, rates.update(1, 0, 9000, 0, 3 * S + 1).total(), 1e-9);
  }

  @Test
  void retain_forgetsFinishedFlows() {
    FlowRates rates = new FlowRates();
    rates.update(1, 0, 1, 1, S);
    rates.update(2, 0, 1, 1, S);
    rates.retain(Set.of(2L));
    assertEquals(1, rates.tracked());
  }
}
