package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.TimestampResolution;
import io.portflow.capture.libpcap.Libpcap;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.BlockingMode;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;

/**
 * A live interface, read through libpcap on one thread.
 *
 * <p>Threading: {@link #run} reads on the thread that calls it and calls the {@link FrameHandler}
 * and the {@link TickHandler} on that thread only, one at a time, so neither needs locks. {@link
 * #stop()} may be called from any thread, a signal handler's included, at any time; interrupting
 * the capture thread stops it too, at the next tick at the latest. {@link #close()} may be called
 * from any thread; while {@code run} is active it stops it first.
 *
 * <p>Stopping cannot hang: with libpcap 1.10+ {@code pcap_breakloop} wakes a blocked read through
 * an eventfd; with older releases the capture polls in non-blocking mode (see {@link WakeMode}).
 * After a stop, frames the kernel had already stamped are still handed over (waiting at most one
 * read timeout for the kernel to release its last batch); frames stamped later are not.
 */
public final class LiveCapture implements Closeable {
  private static final long POLL_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long DRAIN_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
  private static final long CLOSE_WAIT_MILLIS = 2000;

  private final LiveOptions options;
  private final PcapHandle handle;
  private final int linkType;
  private final String libpcapVersion;
  private final WakeMode wakeMode;
  private PcapFileWriter writer;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Thread captureThread;
  /** Set when a handler closed the capture from inside {@link #run}. */
  private boolean closeOnRunExit;
  private LiveStats lastStats = new LiveStats(0, 0, 0, 0, 0);

  private LiveCapture(LiveOptions options, PcapHandle handle, String libpcapVersion) {
    this.options = options;
    this.handle = handle;
    this.linkType = DltMapping.linkType(handle.getDlt().value());
    this.libpcapVersion = libpcapVersion;
    this.wakeMode = options.wakeMode().resolve(libpcapVersion);
  }

  /**
   * Opens and activates the interface and installs the filter. Packets are buffered by the
   * kernel from here on, until {@link #run} reads them.
   *
   * @throws CaptureException {@link Kind#LIBPCAP_MISSING}; {@link Kind#BAD_FILTER}; {@link
   *     Kind#PERMISSION_DENIED} without CAP_NET_RAW; {@link Kind#CANNOT_OPEN} for no such
   *     interface (the message lists the ones there are), an interface that is down, a pcap
   *     file that cannot be created, and the rest
   */
  public static LiveCapture open(LiveOptions options) throws CaptureException {
    String version = Libpcap.require();
    PcapHandle handle = HandleOpener.open(options);
    LiveCapture capture = new LiveCapture(options, handle, version);
    try {
      capture.writer = capture.createWriter();
    } catch (CaptureException e) {
      handle.close();
      throw e;
    }
    return capture;
  }

  /** Name, format {@code live}, the interface's link type and timestamp resolution. */
  public CaptureInfo info() {
    return new CaptureInfo(options.interfaceName(), "live", false, List.of(linkType),
        nanosecondTimestamps() ? TimestampResolution.NANOSECONDS : TimestampResolution.MICROSECONDS);
  }

  /** LINKTYPE_ value of the frames this capture hands over. */
  public int linkType() {
    return linkType;
  }

  public LiveOptions options() {
    return options;
  }

  /** {@code pcap_lib_version()}, e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
  public String libpcapVersion() {
    return libpcapVersion;
  }

  /** The wake mode in use ({@link WakeMode#AUTO} resolved). */
  public WakeMode wakeMode() {
    return wakeMode;
  }

  /** True when timestamps have nanosecond resolution, false for microseconds. */
  public boolean nanosecondTimestamps() {
    return handle.getTimestampPrecision() == TimestampPrecision.NANO;
  }

  /**
   * Reads until {@code until} is met or {@link #stop()} is called. Runs once per capture.
   *
   * @param frames gets every frame, on this thread
   * @param ticks called on this thread every {@link LiveOptions#tickInterval()}, idle or busy
   * @return why it stopped and the final counters
   * @throws CaptureException when the capture fails part way ({@link Kind#DAMAGED}: the interface
   *     went away)
   * @throws IOException what a handler or the pcap file threw (frames handed over stay valid)
   */
  public LiveResult run(FrameHandler frames, TickHandler ticks, StopCondition until) throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a live capture runs once: open another one");
    }
    captureThread = Thread.currentThread();
    try {
      FrameRelay relay = new FrameRelay(handle, linkType, frames, writer, until.maxFrames());
      long startedWall = wallNanos();
      long start = System.nanoTime();
      TickSchedule schedule = new TickSchedule(start, options.tickInterval().toNanos(), until.deadline(start));
      StopReason reason = wakeMode == WakeMode.POLL
          ? readPolling(relay, ticks, schedule)
          : readBrokenByWaker(relay, ticks, schedule);
      long stoppedWall = wallNanos();
      if (reason != StopReason.FRAME_LIMIT) drain(relay, stoppedWall);
      if (writer != null) writer.flush();
      return new LiveResult(reason, stats(relay), startedWall, stoppedWall);
    } finally {
      try {
        if (writer != null) writer.close();
      } finally {
        finished.countDown();
        if (closeOnRunExit) handle.close();
      }
    }
  }

  /**
   * Asks {@link #run} to stop. Safe from any thread and from a signal handler; returns at once.
   * {@code run} returns shortly after, with {@link StopReason#STOPPED}.
   */
  public void stop() {
    if (stopRequested.getAndSet(true)) return;
    Thread t = captureThread;
    if (t != null) LockSupport.unpark(t);
    Waker.breakLoop(handle);
  }

  /**
   * Stops a running capture, waits for {@link #run} to return (two seconds at most), and closes
   * the handle. Called from a handler on the capture thread, it only stops: {@code run} closes the
   * handle on its way out. If {@code run} did not return in time the handle is left open: pcap4j's
   * close would block forever behind a read that never ends, and the process is better off exiting.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    stop();
    if (started.get() && finished.getCount() > 0) {
      if (Thread.currentThread() == captureThread) {
        closeOnRunExit = true;
        return;
      }
      try {
        if (!finished.await(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (!started.get()) closeWriterQuietly();
    handle.close();
  }

  private void closeWriterQuietly() {
    try {
      if (writer != null) writer.close();
    } catch (IOException e) {
      // nothing was written but the header
    }
  }

  private PcapFileWriter createWriter() throws CaptureException {
    if (options.writeFile() == null) return null;
    try {
      return PcapFileWriter.create(options.writeFile(), linkType, handle.getSnapshot(), nanosecondTimestamps());
    } catch (IOException e) {
      throw new CaptureException(Kind.CANNOT_OPEN,
          "cannot create " + options.writeFile() + ": " + describe(e), e);
    } catch (NotOpenException e) {
      throw new IllegalStateException("handle closed before the capture started", e);
    }
  }

  /** pcap_loop on this thread; a {@link Waker} breaks it for each tick and at the deadline. */
  private StopReason readBrokenByWaker(FrameRelay relay, TickHandler ticks, TickSchedule schedule) throws IOException {
    Waker waker = new Waker(handle, schedule);
    waker.start(options.interfaceName());
    try {
      while (true) {
        if (!stopRequested.get()) readUntilBroken(relay);
        StopReason reason = stopReason(relay, schedule);
        if (reason != null) return reason;
        if (waker.takeTick()) tick(ticks, relay);
      }
    } finally {
      stopWaker(waker);
    }
  }

  /** pcap_dispatch in non-blocking mode, parking briefly whenever the ring is empty. */
  private StopReason readPolling(FrameRelay relay, TickHandler ticks, TickSchedule schedule) throws IOException {
    setBlocking(BlockingMode.NONBLOCKING);
    while (true) {
      int n = dispatch(relay);
      StopReason reason = stopReason(relay, schedule);
      if (reason != null) return reason;
      long now = System.nanoTime();
      if (schedule.takeTick(now)) tick(ticks, relay);
      if (n == 0) LockSupport.parkNanos(this, Math.min(POLL_PARK_NANOS, schedule.nanosUntilNextEvent(now)));
    }
  }

  private StopReason stopReason(FrameRelay relay, TickSchedule schedule) throws IOException {
    rethrowFailure(relay);
    if (relay.limitReached()) return StopReason.FRAME_LIMIT;
    // An interrupt stops too (parking would return at once and spin otherwise); the flag stays set.
    if (stopRequested.get() || Thread.currentThread().isInterrupted()) return StopReason.STOPPED;
    if (schedule.deadlinePassed(System.nanoTime())) return StopReason.DURATION;
    return null;
  }

  /**
   * Hands over what the kernel stamped before the stop. Outside immediate mode the kernel holds a
   * partly filled batch for up to the read timeout, so wait that long for it.
   */
  private void drain(FrameRelay relay, long cutoffWallNanos) throws IOException {
    relay.cutoff(cutoffWallNanos);
    setBlocking(BlockingMode.NONBLOCKING);
    long wait = options.immediate() ? 0 : TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis());
    long deadline = System.nanoTime() + wait + DRAIN_SLACK_NANOS;
    while (!relay.limitReached()) {
      int n = dispatch(relay);
      rethrowFailure(relay);
      if (n > 0) continue;
      if (System.nanoTime() >= deadline) return;
      LockSupport.parkNanos(this, POLL_PARK_NANOS);
    }
  }

  private void readUntilBroken(FrameRelay relay) throws CaptureException {
    try {
      handle.loop(-1, relay);
    } catch (InterruptedException e) {
      // pcap_breakloop: a tick, the deadline, the frame limit or a stop. Not a thread interrupt.
    } catch (PcapNativeException e) {
      throw LiveErrors.readFailed(options.interfaceName(), relay.frames(), e.getMessage(), e);
    } catch (NotOpenException e) {
      throw closedUnderneath(relay, e);
    }
  }

  /** Packets handed over by one non-blocking pcap_dispatch, 0 when none were ready. */
  private int dispatch(FrameRelay relay) throws CaptureException {
    try {
      return Math.max(0, handle.dispatch(-1, relay));
    } catch (InterruptedException e) {
      return 0; // a pcap_breakloop that arrived between two reads
    } catch (PcapNativeException e) {
      throw LiveErrors.readFailed(options.interfaceName(), relay.frames(), e.getMessage(), e);
    } catch (NotOpenException e) {
      throw closedUnderneath(relay, e);
    }
  }

  private void setBlocking(BlockingMode mode) throws CaptureException {
    try {
      handle.setBlockingMode(mode);
    } catch (PcapNativeException e) {
      throw LiveErrors.readFailed(options.interfaceName(), 0, e.getMessage(), e);
    } catch (NotOpenException e) {
      throw new CaptureException(Kind.DAMAGED, "capture on " + options.interfaceName() + " was closed", e);
    }
  }

  private void tick(TickHandler ticks, FrameRelay relay) throws IOException {
    if (writer != null) writer.flush();
    ticks.onTick(wallNanos(), stats(relay));
  }

  /** Frame counts from the relay, the rest from pcap_stats (the last good read if it fails). */
  private LiveStats stats(FrameRelay relay) {
    try {
      PcapStat s = handle.getStats();
      lastStats = new LiveStats(relay.frames(), relay.bytes(), s.getNumPacketsReceived(),
          s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf());
    } catch (PcapNativeException | NotOpenException e) {
      lastStats = new LiveStats(relay.frames(), relay.bytes(), lastStats.received(),
          lastStats.droppedByKernel(), lastStats.droppedByInterface());
    }
    return lastStats;
  }

  private static void rethrowFailure(FrameRelay relay) throws IOException {
    Throwable t = relay.failure();
    if (t == null) return;
    if (t instanceof IOException) throw (IOException) t;
    if (t instanceof RuntimeException) throw (RuntimeException) t;
    if (t instanceof Error) throw (Error) t;
    throw new IOException(t);
  }

  private CaptureException closedUnderneath(FrameRelay relay, NotOpenException e) {
    return new CaptureException(Kind.DAMAGED,
        "capture on " + options.interfaceName() + " was closed after " + relay.frames() + " frames", e);
  }

  private static void stopWaker(Waker waker) {
    try {
      waker.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long wallNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** "permission denied", "no such file or directory", or the file system's own reason. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
