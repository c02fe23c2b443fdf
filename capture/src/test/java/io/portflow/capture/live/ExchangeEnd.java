package io.portflow.capture.live;

import java.util.List;

/**
 * Recognises the last frames of {@link VethTraffic}'s exchange in a capture, so that a test stops
 * its captures only once each has read everything the exchange sent. Stopping at a fixed time
 * instead races with the readers: on a loaded machine one of them may not yet have read the last
 * frame from its ring when it is stopped.
 *
 * <p>The exchange ends with the server's FIN (10.77.0.1:8080, after the client's) and the client's
 * ACK of it; nothing follows on the wire. Frames are Ethernet, IPv4 and TCP, possibly cut by a
 * snaplen (the TCP flags and numbers are in the first 64 bytes).
 */
final class ExchangeEnd {
  private static final int ETHERNET = 14;
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int ACK = 0x10;

  private ExchangeEnd() {}

  /** True when the frames hold the server's FIN. */
  static boolean serverFinIn(List<TestPcap.Frame> frames) {
    return serverFinSeq(frames) >= 0;
  }

  /** True when the frames hold the server's FIN and the client's ACK of it: the exchange's last frame. */
  static boolean finalAckIn(List<TestPcap.Frame> frames) {
    long finSeq = serverFinSeq(frames);
    if (finSeq < 0) return false;
    for (TestPcap.Frame f : frames) {
      int tcp = tcpOffset(f.data());
      if (tcp < 0 || port(f.data(), tcp + 2) != VethTraffic.PORT) continue;
      int flags = f.data()[tcp + 13] & 0xff;
      if ((flags & (FIN | SYN | RST | ACK)) == ACK && u32(f.data(), tcp + 8) == ((finSeq + 1) & 0xffffffffL)) {
        return true;
      }
    }
    return false;
  }

  /** True for a TCP frame with the FIN flag, from either end. */
  static boolean isFin(TestPcap.Frame f) {
    int tcp = tcpOffset(f.data());
    return tcp >= 0 && (f.data()[tcp + 13] & FIN) != 0;
  }

  /** The sequence number of the server's FIN, or -1 when there is none. */
  private static long serverFinSeq(List<TestPcap.Frame> frames) {
    for (TestPcap.Frame f : frames) {
      int tcp = tcpOffset(f.data());
      if (tcp >= 0 && port(f.data(), tcp) == VethTraffic.PORT && (f.data()[tcp + 13] & FIN) != 0) {
        return u32(f.data(), tcp + 4);
      }
    }
    return -1;
  }

  /** Where the TCP header starts in an Ethernet/IPv4/TCP frame, or -1 for anything else. */
  private static int tcpOffset(byte[] d) {
    if (d.length < ETHERNET + 20 || (d[12] & 0xff) != 0x08 || d[13] != 0x00) return -1;
    int ihl = (d[ETHERNET] & 0x0f) * 4;
    if (d[ETHERNET + 9] != 6 || d.length < ETHERNET + ihl + 14) return -1;
    return ETHERNET + ihl;
  }

  private static int port(byte[] d, int at) {
    return (d[at] & 0xff) << 8 | (d[at + 1] & 0xff);
  }

  private static long u32(byte[] d, int at) {
    return ((long) (d[at] & 0xff) << 24) | (d[at + 1] & 0xff) << 16 | (d[at + 2] & 0xff) << 8 | (d[at + 3] & 0xff);
  }
}
