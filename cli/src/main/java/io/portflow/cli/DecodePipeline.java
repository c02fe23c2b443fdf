package io.portflow.cli;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.analyze.flow.FinishedFlow;
import io.portflow.capture.CaptureException;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The analysis on two threads. This thread reads frames, decodes them into batches, and writes
 * the records of finished flows out; a second thread runs the flow table (counters, flows, TCP
 * state) over the batches. Batches go round a ring: filled here, consumed there in the order they
 * were filled, then sent back carrying the flows that finished while they were consumed. Their
 * records are built by the flow thread while no batch waits for it, else here, and written here
 * in that order. Only the flow thread touches the analyzer until it is done (and never touches a
 * finished flow again), and it sees every frame in capture order, so the output is byte for byte
 * that of one thread.
 */
final class DecodePipeline {
  /**
   * Frames per batch. Each hand-over can wake the other thread, a system call on each side:
   * 1024-frame batches spent 60 to 80 ms of each thread's CPU on that per gigabyte (5 million
   * frames), 8192-frame ones 20; the ring (4.5 MB) still fits in the shared cache.
   */
  static final int BATCH_FRAMES = 8192;
  /** Batches in the ring: one being filled, one being consumed, two waiting. */
  static final int RING = 4;
  /** How long a failing reading thread waits for the flow thread to stop. */
  private static final long STOP_WAIT_MILLIS = 1000;

  private final FlowCollector collector;
  private final FlowAnalyzer analyzer;
  private final PacketDecoder decoder = new PacketDecoder();
  private final BlockingQueue<Slot> empty = new ArrayBlockingQueue<>(RING + 1);
  private final BlockingQueue<Slot> filled = new ArrayBlockingQueue<>(RING + 1);
  /** Sent after the last batch; comes back when the flow thread has consumed everything. */
  private final Slot end = new Slot(1);
  private final FrameHandler fill = this::fill;
  /** The slot the flow thread is consuming: where its finished flows go. Flow thread only. */
  private Slot consuming;
  private DecodedBatch current;
  private volatile Throwable flowThreadFailure;
  private Thread flowThread;

  DecodePipeline(AnalyzerConfig config, FlowCollector collector) {
    this.collector = collector;
    this.analyzer = FlowAnalyzer.deferringRecords(config, this::finished);
  }

  /** The analyzer; after {@link #read} it belongs to this thread and writes to the collector. */
  FlowAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * Reads {@code source} to its end (or its failure, or until nobody reads the output). On return
   * the flow thread is done, every flow it finished has gone to the collector, and flows the
   * analyzer finishes from now on go straight there.
   *
   * @return why reading stopped early, or null
   */
  Failure read(FrameSource source) throws IOException {
    flowThread = new Thread(this::consume, "portflow-flows");
    flowThread.setDaemon(true);
    // An error that escapes consume() (an OutOfMemoryError while handing the end marker back) is
    // kept for the reading thread: the JVM's default handler would print a stack trace, or fail
    // to, and takeBack() notices the thread is gone instead of waiting for it.
    flowThread.setUncaughtExceptionHandler((thread, e) -> flowThreadFailure = e);
    for (int i = 0; i < RING; i++) {
      empty.add(new Slot(BATCH_FRAMES));
    }
    flowThread.start();
    Failure stopped = null;
    boolean flowsDone = false;
    try {
      boolean more = true;
      while (more && !collector.outputClosed()) {
        Slot slot = takeBack();
        if (slot == end) {
          flowsDone = true;
          break;
        }
        DecodedBatch batch = slot.batch;
        current = batch;
        try {
          while (!batch.isFull() && (more = source.next(fill))) {
            // fill() decoded the frame into the batch
          }
        } catch (CaptureException e) {
          stopped = Failure.of(e);
          more = false;
        } catch (IOException e) {
          stopped = AnalysisRun.readError(source, e);
          more = false;
        }
        filled.add(slot); // never full: the ring has RING slots and one end marker
      }
      if (!flowsDone) {
        filled.add(end);
        while (takeBack() != end) {
          // takeBack() wrote the slot's flows out
        }
      }
    } catch (RuntimeException | Error e) {
      stopFlowThread();
      throw e;
    } finally {
      current = null;
    }
    rethrowFlowThreadFailure();
    return stopped;
  }

  /**
   * Stops the flow thread when this thread fails (an OutOfMemoryError while building or keeping
   * records): until it ends it holds the flow table, and whoever reports the failure needs that
   * memory back.
   */
  private void stopFlowThread() {
    flowThread.interrupt();
    try {
      flowThread.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fill(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength,
      int wireLength) {
    current.add(decoder, timestampNanos, linkType, data, offset, capturedLength, wireLength);
  }

  /** The next slot back from the flow thread, its flows' records written out and itself emptied. */
  private Slot takeBack() throws InterruptedIOException {
    Slot slot;
    try {
      while ((slot = empty.poll(100, TimeUnit.MILLISECONDS)) == null) {
        if (!flowThread.isAlive() && empty.isEmpty()) {
          rethrowFlowThreadFailure();
          throw new IllegalStateException("the flow thread ended without handing its batches back");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the flow thread");
    }
    List<FinishedFlow> flows = slot.finished;
    List<FlowRecord> built = slot.records;
    for (int i = 0, n = flows.size(); i < n; i++) {
      collector.flowFinished(i < built.size() ? built.get(i) : flows.get(i).toRecord());
    }
    slot.clear();
    return slot;
  }

  /** Where the analyzer puts each finished flow: the slot being consumed, or after the flow thread, the collector. */
  private void finished(FinishedFlow flow) {
    Slot slot = consuming;
    if (slot != null) {
      slot.finished.add(flow);
    } else {
      collector.flowFinished(flow.toRecord());
    }
  }

  /** The flow thread: every batch in order, each handed back; the end marker last, whatever happens. */
  private void consume() {
    try {
      for (Slot slot = filled.take(); slot != end; slot = filled.take()) {
        consuming = slot;
        analyzer.onBatch(slot.batch);
        buildWhileIdle(slot);
        empty.add(slot);
      }
    } catch (Throwable e) {
      flowThreadFailure = e;
    } finally {
      consuming = null;
      empty.add(end);
    }
  }

  /**
   * Builds records of the slot's finished flows here while no batch waits for this thread: when
   * reading is the slower side, the flow thread takes over some of its work. Which thread builds
   * a record changes nothing in it.
   */
  private void buildWhileIdle(Slot slot) {
    List<FinishedFlow> flows = slot.finished;
    for (int i = slot.records.size(), n = flows.size(); i < n && filled.isEmpty(); i++) {
      slot.records.add(flows.get(i).toRecord());
    }
  }

  private void rethrowFlowThreadFailure() {
    Throwable failure = flowThreadFailure;
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      throw new IllegalStateException("flow thread failed", failure);
    }
  }

  /**
   * One place in the ring: a batch of frames, the flows that finished while it was consumed, and
   * the records of the first of them when the flow thread had time to build them.
   */
  private static final class Slot {
    final DecodedBatch batch;
    final List<FinishedFlow> finished = new ArrayList<>();
    final List<FlowRecord> records = new ArrayList<>();

    Slot(int frames) {
      batch = new DecodedBatch(frames);
    }

    void clear() {
      batch.clear();
      finished.clear();
      records.clear();
    }
  }
}
