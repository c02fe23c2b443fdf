package io.portflow.analyze.decode;

/**
 * One IP datagram being reassembled from fragments: which byte ranges arrived, where it ends, and a
 * copy of its first {@value #HEADER_BYTES} bytes, where the TCP header lives (a fragmented SYN can
 * split even that header across fragments). Instances are recycled by {@link FragmentTable}.
 */
final class Datagram {
  /** Enough for the longest TCP header (60 bytes). */
  static final int HEADER_BYTES = 64;
  /** Disjoint byte ranges kept; more holes than this and completion falls back to first + last. */
  private static final int MAX_RANGES = 16;

  int ipVersion;
  long srcHi;
  long srcLo;
  long dstHi;
  long dstLo;
  int id;
  int vlanOuter;
  int vlanInner;
  long firstSeenNanos;

  /** Reassembled length once the last fragment (more-fragments clear) arrived, else -1. */
  private int totalLength;
  private boolean complete;
  private boolean sawFirst;
  private boolean overflowed;
  private int rangeCount;
  private final int[] rangeStart = new int[MAX_RANGES];
  private final int[] rangeEnd = new int[MAX_RANGES];
  private final byte[] header = new byte[HEADER_BYTES];
  /** Bit i set: header[i] holds the datagram's byte i. */
  private long headerCovered;

  void start(Segment key, int id, long nowNanos) {
    ipVersion = key.ipVersion();
    srcHi = key.srcHi();
    srcLo = key.srcLo();
    dstHi = key.dstHi();
    dstLo = key.dstLo();
    vlanOuter = key.vlanOuter();
    vlanInner = key.vlanInner();
    this.id = id;
    firstSeenNanos = nowNanos;
    totalLength = -1;
    complete = false;
    sawFirst = false;
    overflowed = false;
    rangeCount = 0;
    headerCovered = 0;
  }

  boolean matches(Segment key, int id) {
    return this.id == id
        && srcLo == key.srcLo()
        && dstLo == key.dstLo()
        && srcHi == key.srcHi()
        && dstHi == key.dstHi()
        && ipVersion == key.ipVersion()
        && vlanOuter == key.vlanOuter()
        && vlanInner == key.vlanInner();
  }

  boolean isComplete() {
    return complete;
  }

  /**
   * Adds one fragment and returns true when it completes the datagram.
   *
   * @param offset fragment offset in bytes
   * @param length fragment payload length by the IP length fields
   * @param more the more-fragments flag
   * @param captured how many of the payload bytes were captured, from {@code dataOffset}
   */
  boolean add(int offset, int length, boolean more, byte[] data, int dataOffset, int captured) {
    if (complete) {
      return false;
    }
    copyHeaderBytes(offset, data, dataOffset, Math.min(captured, length));
    if (offset == 0) {
      sawFirst = true;
    }
    if (!more && totalLength < 0) {
      totalLength = offset + length;
    }
    addRange(offset, offset + length);
    complete = totalLength >= 0 && (overflowed ? sawFirst : coversAll());
    return complete;
  }

  /** Reassembled payload length; valid once complete. */
  int totalLength() {
    return totalLength;
  }

  byte[] header() {
    return header;
  }

  /** How many leading bytes of {@link #header()} hold datagram bytes without a gap. */
  int headerPrefix() {
    return Long.numberOfTrailingZeros(~headerCovered);
  }

  private boolean coversAll() {
    return rangeCount == 1 && rangeStart[0] == 0 && rangeEnd[0] >= totalLength;
  }

  private void copyHeaderBytes(int offset, byte[] data, int dataOffset, int count) {
    if (offset >= HEADER_BYTES || count <= 0) {
      return;
    }
    int n = Math.min(count, HEADER_BYTES - offset);
    System.arraycopy(data, dataOffset, header, offset, n);
    long upTo = offset + n == 64 ? -1L : (1L << (offset + n)) - 1;
    headerCovered |= upTo & -(1L << offset);
  }

  /** Merges [start, end) into the sorted, disjoint ranges. */
  private void addRange(int start, int end) {
    if (start >= end || overflowed) {
      return;
    }
    int i = 0;
    while (i < rangeCount && rangeEnd[i] < start) {
      i++;
    }
    int j = i;
    while (j < rangeCount && rangeStart[j] <= end) {
      start = Math.min(start, rangeStart[j]);
      end = Math.max(end, rangeEnd[j]);
      j++;
    }
    int removed = j - i;
    if (removed == 0 && rangeCount == MAX_RANGES) {
      overflowed = true;
      return;
    }
    int shift = 1 - removed;
    if (shift != 0) {
      System.arraycopy(rangeStart, j, rangeStart, j + shift, rangeCount - j);
      System.arraycopy(rangeEnd, j, rangeEnd, j + shift, rangeCount - j);
    }
    rangeStart[i] = start;
    rangeEnd[i] = end;
    rangeCount += shift;
  }
}
