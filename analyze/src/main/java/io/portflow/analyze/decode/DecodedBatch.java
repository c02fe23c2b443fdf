package io.portflow.analyze.decode;

/**
 * A run of consecutive frames already decoded: what the flow table needs of each (capture time,
 * link type, wire length, and the TCP segment or UDP datagram, or why there is none), so that
 * decoding and the flow table can run on two threads. Batches are reused: the decoding thread fills
 * one, the flow thread consumes it, and it comes back to be filled again. Nothing here is shared
 * while a batch is being filled or consumed; whoever hands a batch over must publish it (a queue
 * does).
 */
public final class DecodedBatch {
  private final long[] timestamps;
  private final int[] linkTypes;
  private final int[] wireLengths;
  private final Segment[] segments;
  /** Null where the frame holds a segment. */
  private final SkipReason[] skips;
  private int size;

  public DecodedBatch(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
    }
    timestamps = new long[capacity];
    linkTypes = new int[capacity];
    wireLengths = new int[capacity];
    segments = new Segment[capacity];
    skips = new SkipReason[capacity];
    for (int i = 0; i < capacity; i++) {
      segments[i] = new Segment();
    }
  }

  /**
   * Decodes a frame into the next slot; the frame's bytes are not kept.
   *
   * @throws IllegalStateException when the batch is full
   */
  public void add(PacketDecoder decoder, long timestampNanos, int linkType, byte[] data, int offset,
      int capturedLength, int wireLength) {
    int i = size;
    if (i == timestamps.length) {
      throw full();
    }
    size = i + 1;
    timestamps[i] = timestampNanos;
    linkTypes[i] = linkType;
    wireLengths[i] = wireLength;
    boolean decoded = decoder.decode(segments[i], linkType, data, offset, capturedLength, wireLength,
        timestampNanos);
    skips[i] = decoded ? null : decoder.skipReason();
  }

  /** Out of line: keeps {@link #add} small enough to be inlined into the reader's callback. */
  private IllegalStateException full() {
    return new IllegalStateException("batch full at " + size + " frames");
  }

  public boolean isFull() {
    return size == timestamps.length;
  }

  public int size() {
    return size;
  }

  /** Empties the batch for reuse. */
  public void clear() {
    size = 0;
  }

  public long timestampNanos(int i) {
    return timestamps[i];
  }

  public int linkType(int i) {
    return linkTypes[i];
  }

  public int wireLength(int i) {
    return wireLengths[i];
  }

  /** The segment of frame {@code i}, or null when it was skipped. */
  public Segment segment(int i) {
    return skips[i] == null ? segments[i] : null;
  }

  /** Why frame {@code i} holds no segment, or null when it holds one. */
  public SkipReason skipReason(int i) {
    return skips[i];
  }
}
