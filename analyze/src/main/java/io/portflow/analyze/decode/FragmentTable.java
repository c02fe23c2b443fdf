package io.portflow.analyze.decode;

/**
 * A small bounded table of IP datagrams being reassembled, so that a fragmented TCP segment counts
 * once, against its flow, on the frame that completes it (as tshark attributes a reassembled
 * segment). Keyed by addresses, IP id, protocol and VLAN ids.
 *
 * <p>Memory is fixed: at most {@code capacity} datagrams, recycled oldest first. A fragment whose
 * key matches a finished datagram, or one older than {@link #TIMEOUT_NANOS} (Linux drops unfinished
 * datagrams after 30 s; Wireshark never does), starts that datagram afresh: IP ids repeat, and a
 * duplicated fragmented segment counts twice like any duplicated segment.
 */
final class FragmentTable {
  static final int DEFAULT_CAPACITY = 256;
  static final long TIMEOUT_NANOS = 30_000_000_000L;

  private final Datagram[] slots;
  /** IP id of each slot's datagram, scanned before any datagram is touched. */
  private final int[] ids;
  private int used;
  private int next;

  FragmentTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("invalid capacity: " + capacity + " (expected: >= 1)");
    }
    slots = new Datagram[capacity];
    ids = new int[capacity];
  }

  /**
   * Adds one fragment; returns its datagram when this fragment completes it, else null. The
   * addresses and VLAN ids are read from {@code key}.
   */
  Datagram offer(
      Segment key,
      int id,
      int protocol,
      int offset,
      int length,
      boolean more,
      byte[] data,
      int dataOffset,
      int captured,
      long nowNanos) {
    Datagram datagram = find(key, id, protocol);
    if (datagram == null) {
      datagram = recycle(id);
      datagram.start(key, id, protocol, nowNanos);
    } else if (datagram.isComplete() || nowNanos - datagram.firstSeenNanos > TIMEOUT_NANOS) {
      datagram.start(key, id, protocol, nowNanos);
    }
    return datagram.add(offset, length, more, data, dataOffset, captured) ? datagram : null;
  }

  private Datagram find(Segment key, int id, int protocol) {
    for (int i = 0; i < used; i++) {
      if (ids[i] == id && slots[i].matches(key, id, protocol)) {
        return slots[i];
      }
    }
    return null;
  }

  /** The next slot in insertion order: an empty one while the table fills, then the oldest. */
  private Datagram recycle(int id) {
    Datagram datagram = slots[next];
    if (datagram == null) {
      datagram = new Datagram();
      slots[next] = datagram;
      used++;
    }
    ids[next] = id;
    next = next + 1 == slots.length ? 0 : next + 1;
    return datagram;
  }
}
