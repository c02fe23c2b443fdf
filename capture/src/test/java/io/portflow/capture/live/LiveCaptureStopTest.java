package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stopping: on request, at the deadline, at the frame limit, on a handler failure; and ticks
 * while idle. Each test captures on {@code lo} of a fresh namespace, where nothing else talks.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveCaptureStopTest {
  private Netns netns;
  private String ns;
  private NamespaceThread inNs;

  @BeforeEach
  void namespace() throws IOException {
    Privileges.assumeNamespaces();
    netns = new Netns();
    ns = netns.create("stop");
    inNs = new NamespaceThread(ns);
  }

  @AfterEach
  void cleanup() {
    if (inNs != null) inNs.close();
    if (netns != null) netns.close();
  }

  @ParameterizedTest(name = "{0}, immediate={1}")
  @CsvSource({"BREAKLOOP, false", "BREAKLOOP, true", "POLL, false", "POLL, true"})
  void idleCaptureTicksAndStopsWithinASecond(WakeMode mode, boolean immediate) throws Exception {
    LiveOptions options = LiveOptions.of("lo").withWakeMode(mode).withImmediate(immediate)
        .withTickInterval(Duration.ofMillis(50));
    try (LiveCapture capture = open(options)) {
      AtomicInteger ticks = new AtomicInteger();
      Future<LiveResult> result = inNs.submit(() ->
          capture.run(new FrameList(), (now, stats) -> ticks.incrementAndGet(), StopCondition.never()));
      Thread.sleep(500);
      long asked = System.nanoTime();
      capture.stop();
      LiveResult done = result.get(5, TimeUnit.SECONDS);
      long stopMillis = (System.nanoTime() - asked) / 1_000_000;

      assertEquals(StopReason.STOPPED, done.reason());
      assertTrue(stopMillis < 1000, "stop took " + stopMillis + " ms");
      assertTrue(ticks.get() >= 5, "only " + ticks.get() + " ticks in 500 ms at 50 ms while idle");
      assertEquals(0, done.stats().frames());
    }
  }

  @ParameterizedTest
  @CsvSource({"BREAKLOOP", "POLL"})
  void durationEndsTheCapture(WakeMode mode) throws Exception {
    try (LiveCapture capture = open(LiveOptions.of("lo").withWakeMode(mode))) {
      long start = System.nanoTime();
      LiveResult done = inNs.submit(() -> capture.run(new FrameList(), TickHandler.NONE,
          StopCondition.never().after(Duration.ofMillis(300)))).get(5, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertEquals(StopReason.DURATION, done.reason());
      assertTrue(millis >= 300 && millis < 1000, "ran " + millis + " ms for a 300 ms duration");
      assertTrue(done.seconds() >= 0.3 && done.seconds() < 1.0, "result says " + done.seconds() + " s");
    }
  }

  @ParameterizedTest
  @CsvSource({"BREAKLOOP", "POLL"})
  void frameLimitHandsOverExactlyThatMany(WakeMode mode) throws Exception {
    Privileges.assumeTool("python3");
    try (LiveCapture capture = open(LiveOptions.of("lo").withWakeMode(mode).withFilter("udp port 9999"))) {
      FrameList frames = new FrameList();
      Future<LiveResult> result = inNs.submit(() ->
          capture.run(frames, TickHandler.NONE, StopCondition.never().afterFrames(10)));
      Netns.exec(ns, "python3", "-c", String.join("\n",
          "import socket",
          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
          "for i in range(50): s.sendto(b'%02d' % i, ('127.0.0.1', 9999))"));
      LiveResult done = result.get(5, TimeUnit.SECONDS);

      assertEquals(StopReason.FRAME_LIMIT, done.reason());
      assertEquals(10, frames.frames.size());
      assertEquals(10, done.stats().frames());
    }
  }

  @Test
  void closeFromAnotherThreadStopsTheRun() throws Exception {
    LiveCapture capture = open(LiveOptions.of("lo"));
    Future<LiveResult> result = inNs.submit(() -> capture.run(new FrameList(), TickHandler.NONE, StopCondition.never()));
    Thread.sleep(200);
    long asked = System.nanoTime();
    capture.close();
    long closeMillis = (System.nanoTime() - asked) / 1_000_000;

    assertEquals(StopReason.STOPPED, result.get(1, TimeUnit.SECONDS).reason());
    assertTrue(closeMillis < 1000, "close took " + closeMillis + " ms");
  }

  @Test
  void closeFromATickStopsAndClosesOnTheWayOut() throws Exception {
    LiveCapture capture = open(LiveOptions.of("lo").withTickInterval(Duration.ofMillis(50)));
    AtomicInteger ticks = new AtomicInteger();
    LiveResult done = inNs.submit(() -> capture.run(new FrameList(), (now, stats) -> {
      ticks.incrementAndGet();
      capture.close();
    }, StopCondition.never())).get(2, TimeUnit.SECONDS);

    assertEquals(StopReason.STOPPED, done.reason());
    assertEquals(1, ticks.get());
    capture.close(); // closed already: nothing happens
  }

  @ParameterizedTest
  @CsvSource({"BREAKLOOP", "POLL"})
  void interruptingTheCaptureThreadStopsIt(WakeMode mode) throws Exception {
    try (LiveCapture capture = open(LiveOptions.of("lo").withWakeMode(mode).withTickInterval(Duration.ofMillis(50)))) {
      Thread[] runner = new Thread[1];
      Future<LiveResult> result = inNs.submit(() -> {
        runner[0] = Thread.currentThread();
        try {
          return capture.run(new FrameList(), TickHandler.NONE, StopCondition.never());
        } finally {
          Thread.interrupted(); // the namespace thread lives on for the next task
        }
      });
      Thread.sleep(200);
      runner[0].interrupt();
      assertEquals(StopReason.STOPPED, result.get(1, TimeUnit.SECONDS).reason());
    }
  }

  @Test
  void stopBeforeRunMakesRunReturnAtOnce() throws Exception {
    try (LiveCapture capture = open(LiveOptions.of("lo"))) {
      capture.stop();
      LiveResult done = inNs.submit(() -> capture.run(new FrameList(), TickHandler.NONE, StopCondition.never()))
          .get(2, TimeUnit.SECONDS);
      assertEquals(StopReason.STOPPED, done.reason());
      assertThrows(IllegalStateException.class,
          () -> capture.run(new FrameList(), TickHandler.NONE, StopCondition.never()));
    }
  }

  @Test
  void tickFailureEndsTheRunAndIsRethrown() throws Exception {
    IOException broken = new IOException("stdout closed");
    try (LiveCapture capture = open(LiveOptions.of("lo").withTickInterval(Duration.ofMillis(50)))) {
      Future<LiveResult> result = inNs.submit(() -> capture.run(new FrameList(), (now, stats) -> {
        throw broken;
      }, StopCondition.never()));
      ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(2, TimeUnit.SECONDS));
      assertSame(broken, e.getCause());
    }
  }

  @Test
  void frameHandlerFailureEndsTheRunAndIsRethrown() throws Exception {
    Privileges.assumeTool("python3");
    try (LiveCapture capture = open(LiveOptions.of("lo").withImmediate(true))) {
      Future<LiveResult> result = inNs.submit(() -> capture.run(
          (ts, link, data, offset, caplen, wirelen) -> {
            throw new IllegalStateException("decoder bug");
          },
          TickHandler.NONE, StopCondition.never()));
      Netns.exec(ns, "python3", "-c",
          "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 9999))");
      ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(2, TimeUnit.SECONDS));
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals("decoder bug", e.getCause().getMessage());
    }
  }

  private LiveCapture open(LiveOptions options) throws Exception {
    return inNs.submit(() -> LiveCapture.open(options)).get(10, TimeUnit.SECONDS);
  }
}
