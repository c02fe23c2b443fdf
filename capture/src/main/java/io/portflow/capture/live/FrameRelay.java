package io.portflow.capture.live;

import io.portflow.capture.FrameHandler;
import java.sql.Timestamp;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.RawPacketListener;

/**
 * Hands each packet pcap4j delivers to the {@link FrameHandler} (and the pcap file), counts it,
 * and breaks the loop at the frame limit. Runs on the capture thread only.
 *
 * <p>pcap4j swallows whatever a listener throws (it logs and carries on), so a failure is kept
 * here, the loop is broken, and {@link LiveCapture#run} rethrows it.
 */
final class FrameRelay implements RawPacketListener {
  private final PcapHandle handle;
  private final int linkType;
  private final FrameHandler handler;
  private final PcapFileWriter writer;
  private final long maxFrames;

  private long frames;
  private long bytes;
  private long cutoffNanos = Long.MAX_VALUE;
  private boolean limitReached;
  private Throwable failure;

  FrameRelay(PcapHandle handle, int linkType, FrameHandler handler, PcapFileWriter writer, long maxFrames) {
    this.handle = handle;
    this.linkType = linkType;
    this.handler = handler;
    this.writer = writer;
    this.maxFrames = maxFrames;
  }

  @Override
  public void gotPacket(byte[] data) {
    if (limitReached || failure != null) return;
    try {
      // pcap4j sets both per packet on this thread just before calling us.
      Timestamp ts = handle.getTimestamp();
      int wireLength = handle.getOriginalLength();
      long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
      if (nanos > cutoffNanos) return;
      frames++;
      bytes += wireLength;
      if (writer != null) writer.write(nanos, data, 0, data.length, wireLength);
      handler.onFrame(nanos, linkType, data, 0, data.length, wireLength);
      if (maxFrames > 0 && frames >= maxFrames) {
        limitReached = true;
        breakLoop();
      }
    } catch (Throwable t) {
      failure = t;
      breakLoop();
    }
  }

  private void breakLoop() {
    try {
      handle.breakLoop();
    } catch (Exception e) {
      // Not open any more: nothing left to break.
    }
  }

  /** From now on, frames stamped after {@code nanos} (epoch) are dropped: they came after the stop. */
  void cutoff(long nanos) {
    cutoffNanos = nanos;
  }

  long frames() {
    return frames;
  }

  long bytes() {
    return bytes;
  }

  boolean limitReached() {
    return limitReached;
  }

  Throwable failure() {
    return failure;
  }
}
