package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TickScheduleTest {
  @Test
  void ticksKeepTheirRhythm() {
    TickSchedule s = new TickSchedule(1000, 100, Long.MAX_VALUE);
    assertFalse(s.takeTick(1099));
    assertTrue(s.takeTick(1100));
    assertFalse(s.takeTick(1150));
    assertTrue(s.takeTick(1203)); // late by 3: the next stays at 1300
    assertEquals(97, s.nanosUntilNextEvent(1203));
  }

  @Test
  void missedTicksAreSkippedNotBunched() {
    TickSchedule s = new TickSchedule(0, 100, Long.MAX_VALUE);
    assertTrue(s.takeTick(550));
    assertFalse(s.takeTick(560));
    assertEquals(40, s.nanosUntilNextEvent(560));
  }

  @Test
  void deadlineComesFirstWhenSooner() {
    TickSchedule s = new TickSchedule(0, 100, 30);
    assertEquals(30, s.nanosUntilNextEvent(0));
    assertFalse(s.deadlinePassed(29));
    assertTrue(s.deadlinePassed(30));
    assertEquals(0, s.nanosUntilNextEvent(45));
  }
}
