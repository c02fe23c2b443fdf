package io.portflow.cli;

import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.FlowSink;
import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.capture.CaptureException;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The analysis on two threads. This thread reads frames, decodes them into batches and writes the
 * finished flows out; a second thread runs the flow table (counters, flows, TCP state, records)
 * over the batches. Batches go round a ring: filled here, consumed there in the order they were
 * filled, then sent back carrying the flow records emitted while they were consumed, which are
 * written here in that order. Only the flow thread touches the analyzer until it is done, and it
 * sees every frame in capture order, so the output is byte for byte that of one thread.
 */
final class DecodePipeline {
  /** Frames per batch: a few thousand hand-overs per gigabyte, and the ring stays in the cache. */
  static final int BATCH_FRAMES = 1024;
  /** Batches in the ring: one being filled, one being consumed, two waiting. */
  static final int RING = 4;

  /** The flow thread's records go into the batch it is consuming; afterwards to the collector. */
  private final BatchSink sink;
  private final FlowCollector collector;
  private final PacketDecoder decoder = new PacketDecoder();
  private final BlockingQueue<DecodedBatch> empty = new ArrayBlockingQueue<>(RING + 1);
  private final BlockingQueue<DecodedBatch> filled = new ArrayBlockingQueue<>(RING + 1);
  /** Sent after the last batch; comes back when the flow thread has consumed everything. */
  private final DecodedBatch end = new DecodedBatch(1);
  private final FrameHandler fill = this::fill;
  private DecodedBatch current;
  private volatile Throwable flowThreadFailure;
  private Thread flowThread;

  DecodePipeline(FlowCollector collector) {
    this.collector = collector;
    this.sink = new BatchSink(collector);
  }

  /** The sink to build the analyzer with. */
  FlowSink sink() {
    return sink;
  }

  /**
   * Reads {@code source} to its end (or its failure, or until nobody reads the output) through
   * {@code analyzer}. On return the flow thread is done and every record it emitted has gone to
   * the collector; the analyzer belongs to this thread again, its sink writes to the collector.
   *
   * @return why reading stopped early, or null
   */
  Failure read(FrameSource source, FlowAnalyzer analyzer) throws IOException {
    Thread flows = new Thread(() -> consume(analyzer), "portflow-flows");
    flows.setDaemon(true);
    // An error that escapes consume() (an OutOfMemoryError while handing the end marker back) is
    // kept for the reading thread: the JVM's default handler would print a stack trace, or fail
    // to, and takeBack() notices the thread is gone instead of waiting for it.
    flows.setUncaughtExceptionHandler((thread, e) -> flowThreadFailure = e);
    flowThread = flows;
    for (int i = 0; i < RING; i++) {
      empty.add(new DecodedBatch(BATCH_FRAMES));
    }
    flows.start();
    Failure stopped = null;
    boolean flowsDone = false;
    try {
      boolean more = true;
      while (more && !collector.outputClosed()) {
        DecodedBatch batch = takeBack();
        if (batch == end) {
          flowsDone = true;
          break;
        }
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
        filled.add(batch); // never full: the ring has RING batches and one end marker
      }
      if (!flowsDone) {
        filled.add(end);
        while (takeBack() != end) {
          // takeBack() wrote the batch's records out
        }
      }
    } finally {
      current = null;
    }
    rethrowFlowThreadFailure();
    return stopped;
  }

  private void fill(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength,
      int wireLength) {
    current.add(decoder, timestampNanos, linkType, data, offset, capturedLength, wireLength);
  }

  /** The next batch back from the flow thread, its records written out and itself emptied. */
  private DecodedBatch takeBack() throws InterruptedIOException {
    DecodedBatch batch;
    try {
      while ((batch = empty.poll(100, TimeUnit.MILLISECONDS)) == null) {
        if (!flowThread.isAlive() && empty.isEmpty()) {
          rethrowFlowThreadFailure();
          throw new IllegalStateException("the flow thread ended without handing its batches back");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the flow thread");
    }
    List<FlowRecord> records = batch.finished();
    for (int i = 0, n = records.size(); i < n; i++) {
      collector.flowFinished(records.get(i));
    }
    batch.clear();
    return batch;
  }

  /** The flow thread: every batch in order, each handed back; the end marker last, whatever happens. */
  private void consume(FlowAnalyzer analyzer) {
    try {
      for (DecodedBatch batch = filled.take(); batch != end; batch = filled.take()) {
        sink.into = batch.finished();
        analyzer.onBatch(batch);
        empty.add(batch);
      }
    } catch (Throwable e) {
      flowThreadFailure = e;
    } finally {
      sink.into = null;
      empty.add(end);
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

  /** Collects into the current batch while the flow thread runs; straight to the collector after. */
  private static final class BatchSink implements FlowSink {
    private final FlowSink after;
    /** Written and read only by the flow thread; null again once it is done. */
    List<FlowRecord> into;

    BatchSink(FlowSink after) {
      this.after = after;
    }

    @Override
    public void flowFinished(FlowRecord flow) {
      if (into != null) {
        into.add(flow);
      } else {
        after.flowFinished(flow);
      }
    }
  }
}
