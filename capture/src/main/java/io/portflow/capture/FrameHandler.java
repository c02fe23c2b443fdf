package io.portflow.capture;

/**
 * Receives one frame at a time from a {@link FrameSource}. The buffer belongs to the source and
 * is reused after the call returns: copy what must outlive the call.
 */
@FunctionalInterface
public interface FrameHandler {
  /**
   * @param timestampNanos capture time, nanoseconds since the Unix epoch (UTC)
   * @param linkType the interface's LINKTYPE_ value (1 Ethernet, 113 Linux SLL, ...)
   * @param data buffer holding the captured bytes
   * @param offset where the frame starts in {@code data}
   * @param capturedLength bytes captured (may be less than the wire length)
   * @param wireLength the frame's original length on the wire
   */
  void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int capturedLength, int wireLength);
}
