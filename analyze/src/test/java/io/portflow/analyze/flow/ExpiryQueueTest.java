package io.portflow.analyze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The queue against a plain model of it: flows in order of their last touch (a {@link
 * LinkedHashMap} in insertion order, re-inserted on each touch). The head must be the same flow
 * with the same deadline after any mix of touches, moves between queues, removals and clock jumps.
 */
class ExpiryQueueTest {
  private static final long[] TIMEOUTS = {300, 5, 60};

  private static Flow flow(long id) {
    FlowProbe probe = new FlowProbe();
    probe.aLo = id;
    return new Flow(id, probe, 0, true);
  }

  /** The reference: flows in order of their last touch, with its time. */
  private static final class ListQueue {
    final long timeout;
    final LinkedHashMap<Flow, Long> byTouch = new LinkedHashMap<>();

    ListQueue(long timeout) {
      this.timeout = timeout;
    }

    Flow head() {
      return byTouch.isEmpty() ? null : byTouch.keySet().iterator().next();
    }

    long headDeadline() {
      return byTouch.isEmpty() ? Long.MAX_VALUE : byTouch.get(head()) + timeout;
    }
  }

  @Test
  void anEmptyQueueHasNoHeadAndNoDeadline() {
    ExpiryQueue queue = new ExpiryQueue(10);
    assertNull(queue.head());
    assertEquals(Long.MAX_VALUE, queue.headDeadline());
  }

  @Test
  void aTouchedHeadGivesWayToTheFlowTouchedLongestAgo() {
    ExpiryQueue queue = new ExpiryQueue(10);
    Flow a = flow(0);
    Flow b = flow(1);
    Flow c = flow(2);
    queue.touch(a, 1);
    queue.touch(b, 2);
    queue.touch(c, 3);
    queue.touch(a, 4);
    queue.touch(b, 4);
    assertSame(c, queue.head());
    assertEquals(13, queue.headDeadline());
    queue.remove(c);
    assertSame(a, queue.head(), "same time: the earlier touch first, as a list would have it");
    assertEquals(14, queue.headDeadline());
  }

  @Test
  void aFlowMovedToAnotherQueueLeavesTheFirst() {
    ExpiryQueue open = new ExpiryQueue(300);
    ExpiryQueue closing = new ExpiryQueue(5);
    Flow a = flow(0);
    Flow b = flow(1);
    open.touch(a, 1);
    open.touch(b, 2);
    closing.touch(a, 3);
    assertSame(b, open.head());
    assertSame(a, closing.head());
    assertEquals(8, closing.headDeadline());
    closing.remove(a);
    assertNull(closing.head());
    assertEquals(Long.MAX_VALUE, closing.headDeadline());
  }

  @Test
  void aDeadlineBeyondTheLastNanosecondSaturates() {
    ExpiryQueue queue = new ExpiryQueue(Long.MAX_VALUE);
    queue.touch(flow(0), 5);
    queue.head();
    assertEquals(Long.MAX_VALUE, queue.headDeadline());
  }

  @Test
  void clearEmptiesTheQueueAndReleasesItsFlows() {
    ExpiryQueue queue = new ExpiryQueue(10);
    Flow a = flow(0);
    queue.touch(a, 1);
    queue.touch(flow(1), 1);
    queue.clear();
    assertNull(queue.head());
    assertNull(a.queue);
    queue.touch(a, 2);
    assertSame(a, queue.head());
  }

  @Test
  void flowsLeavingInNumbersLeaveTheRestInOrder() {
    ExpiryQueue open = new ExpiryQueue(300);
    ExpiryQueue closing = new ExpiryQueue(5);
    List<Flow> flows = new ArrayList<>();
    long clock = 0;
    for (int i = 0; i < 1_000; i++) {
      Flow flow = flow(i);
      flows.add(flow);
      open.touch(flow, clock++);
    }
    long[] touchedAt = new long[1_000];
    for (int i = 999; i >= 0; i--) { // newest first
      touchedAt[i] = clock;
      if (i % 10 != 3) {
        closing.touch(flows.get(i), clock++); // 900 leave open
      } else {
        open.touch(flows.get(i), clock++); // the rest are touched again
      }
    }
    for (int i = 993; i >= 3; i -= 10) {
      Flow head = open.head();
      assertSame(flows.get(i), head, "open, flow " + i);
      assertEquals(touchedAt[i] + 300, open.headDeadline());
      open.remove(head);
    }
    assertNull(open.head());
    for (int i = 999; i >= 0; i--) {
      if (i % 10 != 3) {
        assertSame(flows.get(i), closing.head(), "closing, flow " + i);
        assertEquals(touchedAt[i] + 5, closing.headDeadline());
        closing.remove(flows.get(i));
      }
    }
    assertNull(closing.head());
  }

  @Test
  void randomTouchesMovesAndRemovalsKeepTheListsHead() {
    for (long seed = 1; seed <= 200; seed++) {
      replay(new Random(seed), seed);
    }
  }

  private static void replay(Random random, long seed) {
    ExpiryQueue[] queues = new ExpiryQueue[TIMEOUTS.length];
    ListQueue[] lists = new ListQueue[TIMEOUTS.length];
    for (int q = 0; q < queues.length; q++) {
      queues[q] = new ExpiryQueue(TIMEOUTS[q]);
      lists[q] = new ListQueue(TIMEOUTS[q]);
    }
    Map<Flow, Integer> live = new LinkedHashMap<>();
    List<Flow> flows = new ArrayList<>();
    long clock = 0;
    for (int step = 0; step < 400; step++) {
      int jump = random.nextInt(10);
      clock += jump < 5 ? 0 : jump < 9 ? random.nextInt(4) : random.nextInt(400);
      int op = random.nextInt(10);
      if (flows.isEmpty() || op < 2) {
        Flow flow = flow(step);
        flows.add(flow);
        touch(queues, lists, live, flow, random.nextInt(queues.length), clock);
      } else if (op < 8) {
        Flow flow = flows.get(random.nextInt(flows.size()));
        int q = random.nextInt(4) == 0 ? random.nextInt(queues.length) : live.get(flow);
        touch(queues, lists, live, flow, q, clock);
      } else if (op == 8) {
        Flow flow = flows.remove(random.nextInt(flows.size()));
        int q = live.remove(flow);
        queues[q].remove(flow);
        lists[q].byTouch.remove(flow);
      } else {
        expire(queues, lists, live, flows, clock, seed + "@" + step);
      }
      for (int q = 0; q < queues.length; q++) {
        String where = "seed " + seed + " step " + step + " queue " + q;
        assertSame(lists[q].head(), queues[q].head(), where);
        assertEquals(lists[q].headDeadline(), queues[q].headDeadline(), where);
      }
    }
  }

  private static void touch(ExpiryQueue[] queues, ListQueue[] lists, Map<Flow, Integer> live,
      Flow flow, int q, long clock) {
    Integer was = live.put(flow, q);
    if (was != null) {
      lists[was].byTouch.remove(flow);
    }
    lists[q].byTouch.put(flow, clock);
    queues[q].touch(flow, clock);
  }

  /** Removes every flow due by {@code clock} from both, in the same order. */
  private static void expire(ExpiryQueue[] queues, ListQueue[] lists, Map<Flow, Integer> live,
      List<Flow> flows, long clock, String where) {
    for (int q = 0; q < queues.length; q++) {
      while (lists[q].headDeadline() <= clock) {
        Flow due = lists[q].head();
        assertTrue(queues[q].headDeadline() <= clock, where);
        assertSame(due, queues[q].head(), where);
        assertEquals(lists[q].headDeadline(), queues[q].headDeadline(), where);
        lists[q].byTouch.remove(due);
        queues[q].remove(due);
        live.remove(due);
        flows.remove(due);
      }
      queues[q].head();
      assertTrue(queues[q].headDeadline() > clock, where + ": nothing else due");
    }
  }
}
