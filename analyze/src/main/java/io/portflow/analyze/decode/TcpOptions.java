package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Bytes.u16;
import static io.portflow.analyze.decode.Bytes.u8;

/**
 * The TCP options a SYN or SYN+ACK offers that the flow record reports: MSS (kind 2), window scale
 * (kind 3) and SACK permitted (kind 4). The walk stops where Zeek's {@code build_syn_packet_val}
 * stops: at end-of-options, at a length byte that is missing, zero or runs past the header (a
 * {@link Malformation#BAD_TCP_OPTION_LENGTH}). An option too short for its value is skipped.
 */
final class TcpOptions {
  private static final int END = 0;
  private static final int NOP = 1;
  private static final int MSS = 2;
  private static final int WINDOW_SCALE = 3;
  private static final int SACK_PERMITTED = 4;

  private TcpOptions() {}

  /** Reads the options in {@code [from, to)}, which the caller has checked were captured. */
  static void read(byte[] data, int from, int to, Segment out) {
    int mss = -1;
    int windowScale = -1;
    boolean sackPermitted = false;
    int at = from;
    while (at < to) {
      int kind = u8(data, at);
      if (kind == END) {
        break;
      }
      if (kind == NOP) {
        at++;
        continue;
      }
      if (to - at < 2) {
        out.markMalformed(Malformation.BAD_TCP_OPTION_LENGTH);
        break;
      }
      int length = u8(data, at + 1);
      if (length < 2 || length > to - at) {
        out.markMalformed(Malformation.BAD_TCP_OPTION_LENGTH);
        break;
      }
      if (kind == MSS && length >= 4) {
        mss = u16(data, at + 2);
      } else if (kind == WINDOW_SCALE && length >= 3) {
        windowScale = u8(data, at + 2);
      } else if (kind == SACK_PERMITTED) {
        sackPermitted = true;
      }
      at += length;
    }
    out.setOptions(mss, windowScale, sackPermitted);
  }
}
