package io.portflow.analyze.flow;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Open-addressing hash table of live flows (linear probing, power-of-two capacity, at most half
 * full). Lookups compare primitive key fields against a {@link FlowProbe} and allocate nothing;
 * removal shifts later entries back so that no tombstones pile up under idle expiry. Each slot's
 * hash is also kept in an array of its own: probing past other flows, and shifting them on
 * removal, then reads that array instead of the flows, whose memory is mostly not in the cache.
 */
final class FlowTable {
  private static final int INITIAL_CAPACITY = 1024;

  private Flow[] slots = new Flow[INITIAL_CAPACITY];
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int mask = INITIAL_CAPACITY - 1;
  private int size;

  int size() {
    return size;
  }

  /** The live flow with the probe's key, or null. */
  Flow find(FlowProbe key) {
    int hash = key.hash;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Flow flow = slots[i];
      if (flow == null || (hashes[i] == hash && flow.matches(key))) {
        return flow;
      }
    }
  }

  /** Adds a flow whose key is not in the table. */
  void insert(Flow flow) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    place(slots, hashes, mask, flow);
    size++;
  }

  /** Puts {@code replacement}, which has the same key, where {@code current} was. */
  void replace(Flow current, Flow replacement) {
    slots[indexOf(current)] = replacement;
  }

  void remove(Flow flow) {
    int hole = indexOf(flow);
    slots[hole] = null;
    size--;
    // Backward-shift deletion: move up every later entry of the run that the hole cut off.
    for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
      int home = hashes[i] & mask;
      boolean reachable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (reachable) {
        slots[hole] = slots[i];
        hashes[hole] = hashes[i];
        slots[i] = null;
        hole = i;
      }
    }
  }

  /** The live flows in flow-id order. */
  Flow[] inIdOrder() {
    Flow[] flows = new Flow[size];
    int n = 0;
    for (Flow flow : slots) {
      if (flow != null) {
        flows[n++] = flow;
      }
    }
    Arrays.sort(flows, Comparator.comparingLong(flow -> flow.id));
    return flows;
  }

  void clear() {
    Arrays.fill(slots, null);
    size = 0;
  }

  private int indexOf(Flow flow) {
    for (int i = flow.hash & mask; ; i = (i + 1) & mask) {
      if (slots[i] == flow) {
        return i;
      }
      if (slots[i] == null) {
        throw new IllegalStateException("flow " + flow.id + " is not in the table");
      }
    }
  }

  private void grow() {
    Flow[] larger = new Flow[slots.length * 2];
    int[] largerHashes = new int[larger.length];
    int largerMask = larger.length - 1;
    for (Flow flow : slots) {
      if (flow != null) {
        place(larger, largerHashes, largerMask, flow);
      }
    }
    slots = larger;
    hashes = largerHashes;
    mask = largerMask;
  }

  private static void place(Flow[] slots, int[] hashes, int mask, Flow flow) {
    int i = flow.hash & mask;
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = flow;
    hashes[i] = flow.hash;
  }
}
