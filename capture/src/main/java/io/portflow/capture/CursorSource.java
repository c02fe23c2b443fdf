package io.portflow.capture;

import java.io.IOException;
import java.util.List;

/** One input as a {@link FrameSource}: each {@code next} advances the cursor and hands its frame out. */
final class CursorSource implements FrameSource {
  private final FrameCursor cursor;

  CursorSource(FrameCursor cursor) {
    this.cursor = cursor;
  }

  @Override
  public boolean next(FrameHandler handler) throws IOException {
    if (!cursor.advance()) {
      return false;
    }
    cursor.deliver(handler);
    return true;
  }

  @Override
  public List<CaptureInfo> inputs() {
    return List.of(cursor.info());
  }

  @Override
  public List<String> warnings() {
    return cursor.warnings();
  }

  @Override
  public void close() throws IOException {
    cursor.close();
  }
}
