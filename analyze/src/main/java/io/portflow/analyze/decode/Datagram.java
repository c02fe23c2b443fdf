package io.portflow.analyze.decode;

import java.util.Arrays;

/**
 * One IP datagram being reassembled from fragments: which byte ranges arrived, where it ends, and a
 * copy of its first {@value #PREFIX_BYTES} bytes, which hold the headers that follow the IP header
 * (a fragmented SYN can split even the TCP header across fragments; a fragmented GRE or VXLAN
 * packet carries the inner headers there). Instances are recycled by {@link FragmentTable}.
 */
final class Datagram {
  /** Room for tunnel headers, an inner Ethernet and IP header and the longest TCP header. */
  static final int PREFIX_BYTES = 256;
  /** Disjoint byte ranges kept; more holes than this and completion falls back to first + last. */
  private static final int MAX_RANGES = 16;

  int ipVersion;
  long srcHi;
  long srcLo;
  long dstHi;
  long dstLo;
  int id;
  int protocol;
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
  private final byte[] prefix = new byte[PREFIX_BYTES];
  /** Bit i set: prefix[i] holds the datagram's byte i. */
  private final long[] prefixCovered = new long[PREFIX_BYTES / 64];

  void start(Segment key, int id, int protocol, long nowNanos) {
    ipVersion = key.ipVersion();
    srcHi = key.srcHi();
    srcLo = key.srcLo();
    dstHi = key.dstHi();
    dstLo = key.dstLo();
    vlanOuter = key.vlanOuter();
    vlanInner = key.vlanInner();
    this.id = id;
    this.protocol = protocol;
    firstSeenNanos = nowNanos;
    totalLength = -1;
    complete = false;
    sawFirst = false;
    overflowed = false;
    rangeCount = 0;
    Arrays.fill(prefixCovered, 0);
  }

  boolean matches(Segment key, int id, int protocol) {
    return this.id == id
        && this.protocol == protocol
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
    copyPrefix(offset, data, dataOffset, Math.min(captured, length));
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

  /** The datagram's first bytes; {@link #prefixLength()} of them are valid. */
  byte[] prefix() {
    return prefix;
  }

  /** How many leading bytes of {@link #prefix()} hold datagram bytes without a gap. */
  int prefixLength() {
    int length = 0;
    for (long word : prefixCovered) {
      int run = Long.numberOfTrailingZeros(~word);
      length += run;
      if (run < 64) {
        break;
      }
    }
    return length;
  }

  private boolean coversAll() {
    return rangeCount == 1 && rangeStart[0] == 0 && rangeEnd[0] >= totalLength;
  }

  private void copyPrefix(int offset, byte[] data, int dataOffset, int count) {
    if (offset >= PREFIX_BYTES || count <= 0) {
      return;
    }
    int end = Math.min(offset + count, PREFIX_BYTES);
    System.arraycopy(data, dataOffset, prefix, offset, end - offset);
    for (int i = offset; i < end; ) {
      int word = i >>> 6;
      int from = i & 63;
      int to = Math.min(end - (word << 6), 64);
      long upTo = to == 64 ? -1L : (1L << to) - 1;
      prefixCovered[word] |= upTo & -(1L << from);
      i = (word << 6) + to;
    }
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
