package io.portflow.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * One input seen one frame at a time, pull-style: {@link #advance()} moves to the next frame and
 * the accessors describe it until the next call. Merging several inputs needs to look at each
 * input's next timestamp before handing a frame out, which a push-style {@link FrameSource}
 * cannot offer.
 */
public interface FrameCursor extends Closeable {
  /**
   * Moves to the next frame.
   *
   * @return false at the end of the input, and after a {@link CaptureException} was thrown once
   * @throws CaptureException when the input is damaged; the frames before stay valid
   */
  boolean advance() throws IOException;

  /** Capture time of the current frame, nanoseconds since the Unix epoch (UTC). */
  long timestampNanos();

  /** LINKTYPE_ value of the interface the current frame was captured on. */
  int linkType();

  /** Buffer holding the current frame; owned by the cursor and reused by the next advance. */
  byte[] data();

  /** Where the current frame starts in {@link #data()}. */
  int offset();

  /** Bytes of the current frame present in {@link #data()}. */
  int capturedLength();

  /** The current frame's original length on the wire. */
  int wireLength();

  /** What this input is, with the link types seen so far. */
  CaptureInfo info();

  /**
   * Problems the reader worked around without losing a frame, one line each naming the file, the
   * first record and its byte offset (a record longer than the snapshot length, ...). Complete once
   * {@link #advance()} has returned false.
   */
  default List<String> warnings() {
    return List.of();
  }

  /** Hands the current frame to {@code handler}. */
  default void deliver(FrameHandler handler) {
    handler.onFrame(timestampNanos(), linkType(), data(), offset(), capturedLength(), wireLength());
  }
}
