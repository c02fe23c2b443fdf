package io.portflow.cli.progress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Draws the progress line on a terminal's standard error, from a daemon thread of its own, a few
 * times a second; nothing for the first second, so that a short run shows no bar at all.
 * {@link #close()} stops it and wipes the line before anything else is printed.
 */
public final class ProgressReporter implements AutoCloseable {
  static final long FIRST_AFTER_NANOS = 1_000_000_000L;
  static final long EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final LongSupplier read;
  private final long total;
  private final Thread thread;
  private final long start = System.nanoTime();
  private boolean drawn;
  private int width;

  private ProgressReporter(PrintWriter err, LongSupplier read, long total) {
    this.err = err;
    this.read = read;
    this.total = total;
    this.thread = new Thread(this::run, "portflow-progress");
    thread.setDaemon(true);
  }

  /** A reporter that draws nothing. */
  public static ProgressReporter none() {
    return new ProgressReporter(new PrintWriter(java.io.Writer.nullWriter()), () -> 0, 0);
  }

  /**
   * Starts reporting how far the process has read into {@code files}, or returns a reporter that
   * does nothing where that cannot be known.
   */
  public static ProgressReporter start(PrintWriter err, List<Path> files) {
    FileOffsets offsets = new FileOffsets(files);
    if (!offsets.available()) {
      return none();
    }
    ProgressReporter reporter = new ProgressReporter(err, offsets::read, offsets.total());
    reporter.thread.start();
    return reporter;
  }

  private void run() {
    try {
      Thread.sleep(FIRST_AFTER_NANOS / 1_000_000);
      while (!Thread.currentThread().isInterrupted()) {
        draw(ProgressLine.of(read.getAsLong(), total, System.nanoTime() - start));
        Thread.sleep(EVERY_NANOS / 1_000_000);
      }
    } catch (InterruptedException e) {
      // closed: the line is wiped by close()
    }
  }

  private synchronized void draw(String line) {
    if (thread.isInterrupted()) {
      return;
    }
    // Pad over what the last line left, then back to column 0 for the next.
    err.print('\r' + line + " ".repeat(Math.max(0, width - line.length())) + '\r');
    err.flush();
    width = line.length();
    drawn = true;
  }

  /** Stops drawing and leaves the line empty. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (drawn) {
        err.print('\r' + " ".repeat(width) + '\r');
        err.flush();
        drawn = false;
      }
    }
  }
}
