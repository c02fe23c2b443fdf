package io.portflow.analyze.decode;

import io.portflow.analyze.LinkTypes;

/**
 * Turns one frame into a TCP or UDP {@link Segment}, or says why it holds none. Not thread-safe: one
 * decoder per stream of frames, because IP fragments are remembered across frames.
 *
 * <p>Internally every layer returns an offset (or {@link #OK}) on success and a negative skip code
 * otherwise, so that no layer allocates or throws.
 */
public final class PacketDecoder {
  static final int OK = 0;

  private static final SkipReason[] REASONS = SkipReason.values();

  private final Segment segment = new Segment();
  private final IpLayer ip;
  private SkipReason skipReason;

  public PacketDecoder() {
    this(FragmentTable.DEFAULT_CAPACITY);
  }

  /** A decoder that reassembles at most {@code fragmentCapacity} IP datagrams at once. */
  public PacketDecoder(int fragmentCapacity) {
    ip = new IpLayer(new FragmentTable(fragmentCapacity), segment);
  }

  /**
   * Decodes one frame.
   *
   * @param offset where the frame starts in {@code data}
   * @param capturedLength bytes of the frame present in {@code data}
   * @param wireLength the frame's original length on the wire, unsigned
   * @return true when the frame carries a TCP segment or a UDP datagram, now in {@link
   *     #segment()}; false when it was skipped for {@link #skipReason()}
   */
  public boolean decode(
      int linkType, byte[] data, int offset, int capturedLength, int wireLength, long timestampNanos) {
    return decode(segment, linkType, data, offset, capturedLength, wireLength, timestampNanos);
  }

  /**
   * As {@link #decode(int, byte[], int, int, int, long)}, into {@code into} instead of {@link
   * #segment()}: a {@link DecodedBatch} decodes straight into its own segments, without a copy.
   * Small enough to be inlined where it is called for every frame; the common frame takes one
   * call from here ({@link PlainFrame}), any other goes through the layers.
   */
  boolean decode(Segment into, int linkType, byte[] data, int offset, int capturedLength,
      int wireLength, long timestampNanos) {
    // A frame can claim up to 4 GiB on the wire; the IP length fields never exceed 64 KiB anyway.
    long wire = Math.max(capturedLength, Integer.toUnsignedLong(wireLength));
    int reportedEnd = (int) Math.min(Integer.MAX_VALUE, offset + wire);
    if (linkType == LinkTypes.ETHERNET
        && PlainFrame.decode(into, data, offset, capturedLength, reportedEnd)) {
      skipReason = null;
      return true;
    }
    return decodeLayers(into, linkType, data, offset, capturedLength, reportedEnd, timestampNanos);
  }

  /**
   * Every frame the long way, layer by layer: what {@link PlainFrame} must agree with.
   *
   * @param reportedEnd end of the frame by its original length
   */
  boolean decodeLayers(Segment into, int linkType, byte[] data, int offset, int capturedLength,
      int reportedEnd, long timestampNanos) {
    into.reset();
    int capturedEnd = offset + capturedLength;
    int result = LinkLayer.ipOffset(linkType, data, offset, capturedEnd, into);
    if (result >= 0) {
      result = ip.decode(into, data, result, capturedEnd, reportedEnd, timestampNanos);
    }
    if (result < 0) {
      skipReason = REASONS[-1 - result];
      return false;
    }
    skipReason = null;
    return true;
  }

  /** The segment of the last frame that {@link #decode} accepted. Overwritten by the next call. */
  public Segment segment() {
    return segment;
  }

  /** Why the last frame was skipped, or null when it carried a TCP segment or UDP datagram. */
  public SkipReason skipReason() {
    return skipReason;
  }

  /** The negative code a layer returns for {@code reason}. */
  static int skip(SkipReason reason) {
    return -1 - reason.ordinal();
  }
}
