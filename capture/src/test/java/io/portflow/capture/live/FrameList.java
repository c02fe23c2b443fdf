package io.portflow.capture.live;

import io.portflow.capture.FrameHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link FrameHandler} that keeps a copy of every frame. The capture thread adds; a test thread
 * may look at {@link #snapshot()} meanwhile, and reads {@link #frames} once the capture is over.
 */
final class FrameList implements FrameHandler {
  final List<TestPcap.Frame> frames = new ArrayList<>();

  @Override
  public void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength, int wireLength) {
    TestPcap.Frame frame = new TestPcap.Frame(timestampNanos, linkType, wireLength,
        Arrays.copyOfRange(data, offset, offset + capturedLength));
    synchronized (frames) {
      frames.add(frame);
    }
  }

  /** The frames so far, while the capture may still be adding. */
  List<TestPcap.Frame> snapshot() {
    synchronized (frames) {
      return List.copyOf(frames);
    }
  }
}
