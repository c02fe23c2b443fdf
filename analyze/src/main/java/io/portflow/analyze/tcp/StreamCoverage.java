package io.portflow.analyze.tcp;

/**
 * Which payload ranges one side has sent, in relative sequence numbers, kept in two cheap
 * approximations instead of a block list:
 *
 * <ul>
 *   <li>Zeek's reassembler as far as history needs it: the delivered prefix ({@code reassemSeq}),
 *       the acknowledged prefix ({@code trimSeq}) and one pending range above a hole. A gap ('g')
 *       is what the peer acknowledged but this side was never seen to send.
 *   <li>For portflow's own counters: the contiguous prefix seen plus one range above a hole, to
 *       tell retransmitted bytes (already seen) from out-of-order ones (new, but below the highest
 *       byte seen).
 * </ul>
 *
 * Several holes at once are merged into one range: a later segment filling only part of that
 * range then counts as seen. That is the price of two longs instead of a list.
 */
final class StreamCoverage {
  /** Zeek's tcp_max_above_hole_without_any_acks. */
  static final long MAX_ABOVE_HOLE_WITHOUT_ACKS = 16384;
  /** Zeek's tcp_max_initial_window. */
  static final long MAX_INITIAL_WINDOW = 16384;
  /** Zeek's tcp_excessive_data_without_further_acks. */
  static final long EXCESSIVE_DATA_WITHOUT_ACKS = 10L * 1024 * 1024;

  // Zeek reassembler model.
  long reassemSeq;
  long trimSeq;
  long holeLo;
  long holeHi;
  boolean skipDeliveries;

  // Portflow's own coverage.
  long contiguousEnd;
  long aboveLo;
  long aboveHi;
  long highestEnd;
  /** Whether the segment last given to {@link #observe} brought new bytes below the highest one. */
  boolean lastOutOfOrder;

  void reset() {
    reassemSeq = trimSeq = 1;
    holeLo = holeHi = 0;
    skipDeliveries = false;
    resetSeen();
  }

  void resetSeen() {
    contiguousEnd = highestEnd = 1;
    aboveLo = aboveHi = 0;
  }

  boolean hasHole() {
    return holeHi > holeLo;
  }

  /**
   * Zeek's {@code TCP_Reassembler::DataSent} and {@code NewBlock}: new payload at relative {@code
   * seq}; returns nothing, it only moves the delivered prefix or the pending range.
   */
  void dataSent(TcpEndpoint sender, long seq, long len) {
    if (seq != reassemSeq || hasHole() || skipDeliveries || !aboveAcknowledged(sender, seq)) {
      newBlock(sender, seq, len);
      return;
    }
    // Most data: the next bytes in order, nothing held above a hole. What newBlock comes to.
    long upper = seq + len;
    if (Long.compareUnsigned(upper, reassemSeq) > 0) {
      reassemSeq = upper;
    }
    if (reassemSeq - trimSeq > EXCESSIVE_DATA_WITHOUT_ACKS) {
      skipDeliveries = true;
    }
  }

  /** Whether {@code seq} is at or above what the peer acknowledged, and some data was. */
  private boolean aboveAcknowledged(TcpEndpoint sender, long seq) {
    return !sender.noDataAcked()
        && Long.compareUnsigned(seq, sender.toRelative(sender.ackSeq, sender.ackWraps)) >= 0
        && Long.compareUnsigned(seq, trimSeq) >= 0;
  }

  private void newBlock(TcpEndpoint sender, long seq, long len) {
    if (skipDeliveries) {
      return;
    }
    long ack = sender.toRelative(sender.ackSeq, sender.ackWraps);
    long upper = seq + len;
    if (Long.compareUnsigned(seq, ack) < 0) {
      if (Long.compareUnsigned(upper, ack) <= 0) {
        return; // delivered and acknowledged already
      }
      seq = ack;
    }
    if (Long.compareUnsigned(upper, trimSeq) <= 0) {
      return;
    }
    if (Long.compareUnsigned(seq, trimSeq) < 0) {
      seq = trimSeq;
    }
    if (Long.compareUnsigned(seq, reassemSeq) <= 0) {
      if (Long.compareUnsigned(upper, reassemSeq) > 0) {
        reassemSeq = upper;
      }
      absorbHole();
      if (sender.noDataAcked() && sender.size() > MAX_INITIAL_WINDOW) {
        // Zeek presumes it misses the peer's ACKs and stops holding delivered data.
        trimSeq = Math.max(trimSeq, reassemSeq);
      }
    } else if (hasHole()) {
      holeLo = Math.min(holeLo, seq);
      holeHi = Math.max(holeHi, upper);
    } else {
      holeLo = seq;
      holeHi = upper;
    }
    long aboveHole = hasHole() ? holeHi - reassemSeq : 0;
    long buffered = (reassemSeq - trimSeq) + (hasHole() ? holeHi - holeLo : 0);
    if ((sender.noDataAcked() && aboveHole > MAX_ABOVE_HOLE_WITHOUT_ACKS)
        || buffered > EXCESSIVE_DATA_WITHOUT_ACKS) {
      holeLo = holeHi = 0;
      skipDeliveries = true;
    }
  }

  private void absorbHole() {
    if (hasHole() && Long.compareUnsigned(holeLo, reassemSeq) <= 0) {
      reassemSeq = Math.max(reassemSeq, holeHi);
      holeLo = holeHi = 0;
    }
  }

  /**
   * Zeek's {@code TCP_Reassembler::AckReceived} and {@code TrimToSeq}: the peer acknowledged up
   * to relative {@code seq}. Returns how many content gaps that revealed (0, 1 or 2).
   */
  int ackReceived(TcpEndpoint sender, long seq, boolean partialConnection) {
    if (sender.finCount > 0 || hasHole() || Long.compareUnsigned(seq, reassemSeq) > 0) {
      return trimTo(sender, seq, partialConnection);
    }
    if (Long.compareUnsigned(seq, trimSeq) > 0) {
      trimSeq = seq; // most ACKs: what trimTo comes to for an ACK of delivered data
    }
    return 0;
  }

  private int trimTo(TcpEndpoint sender, long seq, boolean partialConnection) {
    if (sender.finCount > 0 && Long.compareUnsigned(seq, sender.finSeq) >= 0) {
      seq = sender.finSeq - 1;
    }
    if (Long.compareUnsigned(seq, trimSeq) <= 0) {
      return 0;
    }
    int gapCount = 0;
    if (Long.compareUnsigned(seq, reassemSeq) > 0) {
      gapCount = undelivered(seq, partialConnection);
    }
    if (hasHole() && Long.compareUnsigned(holeHi, seq) <= 0) {
      holeLo = holeHi = 0;
    }
    if (hasHole() && holeLo == reassemSeq) {
      absorbHole();
    }
    trimSeq = seq;
    return gapCount;
  }

  private int undelivered(long upTo, boolean partialConnection) {
    if (Long.compareUnsigned(upTo, 2) <= 0 && partialConnection) {
      // The faked initial sequence number of a mid-stream pickup; Zeek ignores this "gap".
      return 0;
    }
    int gapCount = 0;
    if (!skipDeliveries) {
      if (hasHole()
          && Long.compareUnsigned(holeLo, reassemSeq) >= 0
          && Long.compareUnsigned(holeLo, upTo) < 0) {
        gapCount++;
        reassemSeq = Math.max(reassemSeq, holeHi);
        holeLo = holeHi = 0;
      }
      if (Long.compareUnsigned(upTo, reassemSeq) > 0) {
        gapCount++;
      }
    }
    if (Long.compareUnsigned(upTo, reassemSeq) > 0) {
      reassemSeq = upTo;
    }
    return gapCount;
  }

  /**
   * Portflow's classification of a payload segment at relative {@code seq}: returns the number of
   * its bytes seen before, and sets {@link #lastOutOfOrder}.
   */
  long observe(long seq, long len) {
    long end = seq + len;
    long overlap = overlap(seq, end, 1, contiguousEnd) + overlap(seq, end, aboveLo, aboveHi);
    // Every byte seen lies below highestEnd, so the new bytes below it are the rest of that span.
    long belowHighest = Math.max(0, Math.min(end, highestEnd) - seq);
    lastOutOfOrder = belowHighest > overlap;
    merge(seq, end);
    highestEnd = Math.max(highestEnd, end);
    return overlap;
  }

  private static long overlap(long lo, long hi, long rangeLo, long rangeHi) {
    long from = Math.max(lo, rangeLo);
    long to = Math.min(hi, rangeHi);
    return to > from ? to - from : 0;
  }

  private void merge(long seq, long end) {
    if (seq > contiguousEnd) {
      mergeAbove(seq, end);
      return;
    }
    contiguousEnd = Math.max(contiguousEnd, end);
    if (aboveHi > aboveLo && aboveLo <= contiguousEnd) {
      contiguousEnd = Math.max(contiguousEnd, aboveHi);
      aboveLo = aboveHi = 0;
    }
  }

  /** A range that starts above the contiguous prefix, so beyond a hole. */
  private void mergeAbove(long seq, long end) {
    if (aboveHi > aboveLo) {
      aboveLo = Math.min(aboveLo, seq);
      aboveHi = Math.max(aboveHi, end);
    } else {
      aboveLo = seq;
      aboveHi = end;
    }
  }
}
