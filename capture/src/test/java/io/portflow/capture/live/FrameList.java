package io.portflow.capture.live;

import io.portflow.capture.FrameHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link FrameHandler} that keeps a copy of every frame. */
final class FrameList implements FrameHandler {
  final List<TestPcap.Frame> frames = new ArrayList<>();

  @Override
  public void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength, int wireLength) {
    frames.add(new TestPcap.Frame(timestampNanos, linkType, wireLength,
        Arrays.copyOfRange(data, offset, offset + capturedLength)));
  }
}
