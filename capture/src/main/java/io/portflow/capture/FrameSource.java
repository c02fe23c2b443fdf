package io.portflow.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A forward-only sequence of frames: a capture file, several merged, or a live interface. */
public interface FrameSource extends Closeable {
  /**
   * Hands the next frame to {@code handler}.
   *
   * @return false at the end of the input
   * @throws CaptureException when the input is damaged or cannot be read; frames already handed
   *     out stay valid
   */
  boolean next(FrameHandler handler) throws IOException;

  /** One entry per input file (or interface), in the order given: format, link types seen so far. */
  List<CaptureInfo> inputs();

  /**
   * Problems the readers worked around without losing a frame, one line each naming the file,
   * record and byte offset (see {@link FrameCursor#warnings()}), in the order of the inputs.
   * Complete once {@link #next} has returned false or thrown.
   */
  default List<String> warnings() {
    return List.of();
  }
}
