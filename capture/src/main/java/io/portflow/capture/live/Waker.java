package io.portflow.capture.live;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.pcap4j.core.PcapHandle;

/**
 * In {@link WakeMode#BREAKLOOP}, the thread that breaks the capture thread out of {@code
 * pcap_loop} when a tick or the deadline is due. The capture thread does the tick itself after
 * {@code loop()} returns, so frames and ticks never run at the same time.
 */
final class Waker implements Runnable {
  private final PcapHandle handle;
  private final TickSchedule schedule;
  private final AtomicBoolean tickDue = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Thread thread;

  Waker(PcapHandle handle, TickSchedule schedule) {
    this.handle = handle;
    this.schedule = schedule;
  }

  void start(String interfaceName) {
    Thread t = new Thread(this, "portflow-waker-" + interfaceName);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void run() {
    while (!stopped) {
      LockSupport.parkNanos(this, schedule.nanosUntilNextEvent(System.nanoTime()));
      if (stopped) return;
      long now = System.nanoTime();
      boolean tick = schedule.takeTick(now);
      if (tick) tickDue.set(true);
      if (tick || schedule.deadlinePassed(now)) {
        breakLoop(handle);
        if (schedule.deadlinePassed(now)) return;
      }
    }
  }

  /** True once per tick the waker announced; clears it. */
  boolean takeTick() {
    return tickDue.getAndSet(false);
  }

  /** Ends the waker and waits for it, so that it calls {@code breakLoop} no more. */
  void stop() throws InterruptedException {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
      t.join(1000);
    }
  }

  static void breakLoop(PcapHandle handle) {
    try {
      handle.breakLoop();
    } catch (Exception e) {
      // Closed already: there is no loop to break.
    }
  }
}
