package io.portflow.analyze.tcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Zeek's connection history string: letters in order, upper case for the originator, lower case
 * for the responder, cased when they are recorded (Zeek's {@code Connection::AddHistory}).
 *
 * <p>The once-only letters (a, d, i, q and the first s, h, f, r) are gated by a bit mask with the
 * originator's bits in the low half and the responder's in the high half, as Zeek's {@code
 * hist_seen}. Zeek does not swap that mask when it flips roles, and neither do we.
 */
final class TcpHistory {
  static final int SYN_PKT = 0x1;
  static final int FIN_PKT = 0x2;
  static final int RST_PKT = 0x4;
  static final int FIN_RST_PKT = 0x8;
  static final int DATA_PKT = 0x10;
  static final int ACK_PKT = 0x20;
  static final int MULTI_FLAG_PKT = 0x40;

  private byte[] letters = new byte[16];
  private int length;
  private int seen;

  void clear() {
    length = 0;
    seen = 0;
  }

  /**
   * Records {@code code} for this side unless its mask bit is already set. Returns true when it
   * was already seen (Zeek's {@code CheckHistory} contract).
   */
  boolean check(int mask, boolean orig, char code) {
    int bit = orig ? mask : mask << 16;
    if ((seen & bit) != 0) {
      return true;
    }
    seen |= bit;
    add(orig, code);
    return false;
  }

  /** Records {@code code} (given in upper case) in the case of the side that caused it. */
  void add(boolean orig, char code) {
    append(orig ? code : Character.toLowerCase(code));
  }

  /**
   * Zeek's {@code update_history}: the letter a segment earns. SYN, FIN and RST repeat only when
   * their relative sequence number differs from the last one of that kind (a FIN's counts after
   * its payload); a, d, i and q come once per side.
   */
  void recordSegment(TcpEndpoint e, int flags, long relSeq, int len) {
    if (TcpFlags.control(flags)) {
      recordControl(e, flags, relSeq, len);
    } else if (len != 0) {
      check(DATA_PKT, e.orig, 'D');
    } else if (TcpFlags.ack(flags)) {
      check(ACK_PKT, e.orig, 'A');
    }
  }

  /** {@link #recordSegment} of a segment with SYN, FIN or RST. */
  private void recordControl(TcpEndpoint e, int flags, long relSeq, int len) {
    boolean syn = TcpFlags.syn(flags);
    boolean fin = TcpFlags.fin(flags);
    boolean rst = TcpFlags.rst(flags);
    int controlBits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
    if (controlBits > 1) {
      if (fin && rst) {
        check(FIN_RST_PKT, e.orig, 'I');
      } else {
        check(MULTI_FLAG_PKT, e.orig, 'Q');
      }
    } else if (syn) {
      char code = TcpFlags.ack(flags) ? 'H' : 'S';
      if (check(SYN_PKT, e.orig, code) && relSeq != e.histLastSyn) {
        add(e.orig, code);
      }
      e.histLastSyn = relSeq;
    } else if (fin) {
      if (check(FIN_PKT, e.orig, 'F') && relSeq + len != e.histLastFin) {
        add(e.orig, 'F');
      }
      e.histLastFin = relSeq + len;
    } else if (rst) {
      if (check(RST_PKT, e.orig, 'R') && relSeq != e.histLastRst) {
        add(e.orig, 'R');
      }
      e.histLastRst = relSeq;
    }
  }

  /** Records a letter as is ('^'). */
  void append(char c) {
    if (length == letters.length) {
      letters = Arrays.copyOf(letters, length * 2);
    }
    letters[length++] = (byte) c;
  }

  int length() {
    return length;
  }

  /** Zeek's history, relative to the originator at the time each letter was recorded. */
  @Override
  public String toString() {
    return new String(letters, 0, length, StandardCharsets.US_ASCII);
  }

  /**
   * The history seen from the other end: every letter changes case, and a leading '^' is dropped
   * (or one is added) because the roles are now the other way round from the first packet.
   */
  String mirrored() {
    byte[] out = new byte[length + 1];
    int n = 0;
    int from = 0;
    if (length > 0 && letters[0] == '^') {
      from = 1;
    } else {
      out[n++] = '^';
    }
    for (int i = from; i < length; i++) {
      byte c = letters[i];
      // The letters are ASCII: flipping bit 0x20 swaps the case of a letter, and only of one.
      out[n++] = (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (byte) (c ^ 0x20) : c;
    }
    return new String(out, 0, n, StandardCharsets.US_ASCII);
  }

  /** Whether a scaled counter (c, g, t, w) just reached 1, 10, 100, ... and earns a letter. */
  static boolean crossesScaledThreshold(long count) {
    if (count <= 0) {
      return false;
    }
    long threshold = 1;
    while (threshold < count && threshold <= Long.MAX_VALUE / 10) {
      threshold *= 10;
    }
    return threshold == count;
  }
}
