package io.portflow.capture.testing;

/** A frame as a test sees it: copied out of the reader's buffer. */
public record Frame(long timestampNanos, int linkType, int capturedLength, int wireLength, String hex) {
  public Frame(long timestampNanos, int linkType, int wireLength, String hex) {
    this(timestampNanos, linkType, hex.length() / 2, wireLength, hex);
  }
}
