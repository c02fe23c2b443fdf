package io.portflow.analyze;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frames per link type, in order of first appearance. A capture has a handful of link types, so a
 * linear scan over primitive arrays beats a map and boxes nothing.
 */
final class LinkTypeCounts {
  private int[] types = new int[4];
  private long[] counts = new long[4];
  private int size;
  private int last = -1;

  /** Counts {@code frames} more frames of {@code linkType}. */
  void add(int linkType, int frames) {
    if (last < 0 || types[last] != linkType) {
      last = indexOf(linkType);
    }
    counts[last] += frames;
  }

  /** Frames of link types the decoder does not know, keyed {@code unknown-link-type-NNN}. */
  void putUnknown(Map<String, Long> into) {
    for (int i = 0; i < size; i++) {
      if (!LinkTypes.isSupported(types[i])) {
        into.put("unknown-link-type-" + Integer.toUnsignedString(types[i]), counts[i]);
      }
    }
  }

  /** Frames per {@link LinkTypes#name} (raw-IP variants share one name and one count). */
  Map<String, Long> byName() {
    Map<String, Long> byName = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      byName.merge(LinkTypes.name(types[i]), counts[i], Long::sum);
    }
    return byName;
  }

  private int indexOf(int linkType) {
    for (int i = 0; i < size; i++) {
      if (types[i] == linkType) {
        return i;
      }
    }
    if (size == types.length) {
      types = Arrays.copyOf(types, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    types[size] = linkType;
    return size++;
  }
}
