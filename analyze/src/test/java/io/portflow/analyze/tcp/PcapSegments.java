package io.portflow.analyze.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough classic-pcap and header decoding to replay the Zeek fixtures into {@link
 * TcpConnectionState} before the real decoder and flow table exist: Ethernet with 802.1Q, VN-Tag
 * and MPLS, BSD loopback, IPv4 and IPv6 without extension headers, TCP. Test code only.
 */
final class PcapSegments {
  private static final int LINKTYPE_NULL = 0;
  private static final int LINKTYPE_ETHERNET = 1;

  /** One TCP segment as the fixture test needs it. */
  record Segment(
      long nanos,
      byte[] src,
      int srcPort,
      byte[] dst,
      int dstPort,
      int flags,
      long seq,
      long ack,
      int payloadLength,
      int capturedPayload,
      int window,
      boolean headerComplete,
      boolean ipChecksumOk,
      boolean tcpChecksumOk) {}

  private PcapSegments() {}

  static List<Segment> read(Path file) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
    int magic = in.getInt(0);
    boolean nano;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      in.order(ByteOrder.BIG_ENDIAN);
      nano = magic == 0xa1b23c4d;
    } else {
      in.order(ByteOrder.LITTLE_ENDIAN);
      int swapped = in.getInt(0);
      if (swapped != 0xa1b2c3d4 && swapped != 0xa1b23c4d) {
        throw new IOException(file + ": magic 0x" + Integer.toHexString(magic)
            + " (expected: classic pcap 0xa1b2c3d4 or 0xa1b23c4d)");
      }
      nano = swapped == 0xa1b23c4d;
    }
    int linkType = in.getInt(20);
    List<Segment> out = new ArrayList<>();
    int pos = 24;
    while (pos + 16 <= in.limit()) {
      long sec = in.getInt(pos) & 0xffffffffL;
      long frac = in.getInt(pos + 4) & 0xffffffffL;
      int caplen = in.getInt(pos + 8);
      long nanos = sec * 1_000_000_000L + (nano ? frac : frac * 1000);
      byte[] frame = Arrays.copyOfRange(in.array(), pos + 16, pos + 16 + caplen);
      Segment s = decode(frame, linkType, nanos);
      if (s != null) {
        out.add(s);
      }
      pos += 16 + caplen;
    }
    return out;
  }

  private static Segment decode(byte[] f, int linkType, long nanos) {
    int off;
    int type;
    if (linkType == LINKTYPE_ETHERNET) {
      off = 12;
      type = u16(f, off);
      off += 2;
      while (type == 0x8100 || type == 0x88a8 || type == 0x8926) {
        off += type == 0x8926 ? 4 : 2; // VN-Tag carries 4 bytes, 802.1Q 2
        type = u16(f, off);
        off += 2;
      }
      if (type == 0x8847) {
        while ((f[off + 2] & 0x01) == 0) {
          off += 4;
        }
        off += 4;
        type = (f[off] & 0xf0) == 0x60 ? 0x86dd : 0x0800;
      }
    } else if (linkType == LINKTYPE_NULL) {
      int family = (f[0] & 0xff) | (f[1] & 0xff) << 8; // host order, little-endian captures
      type = family == 2 ? 0x0800 : 0x86dd;
      off = 4;
    } else {
      return null;
    }
    if (type == 0x0800) {
      return ipv4(f, off, nanos);
    }
    return type == 0x86dd ? ipv6(f, off, nanos) : null;
  }

  private static Segment ipv4(byte[] f, int off, long nanos) {
    int ihl = (f[off] & 0x0f) * 4;
    int total = u16(f, off + 2);
    if (f[off + 9] != 6 || (u16(f, off + 6) & 0x1fff) != 0) {
      return null; // not TCP, or a later fragment
    }
    boolean ipOk = checksum(f, off, ihl, 0) == 0xffff;
    byte[] src = Arrays.copyOfRange(f, off + 12, off + 16);
    byte[] dst = Arrays.copyOfRange(f, off + 16, off + 20);
    return tcp(f, off + ihl, total - ihl, src, dst, nanos, ipOk);
  }

  private static Segment ipv6(byte[] f, int off, long nanos) {
    if (f[off + 6] != 6) {
      return null;
    }
    byte[] src = Arrays.copyOfRange(f, off + 8, off + 24);
    byte[] dst = Arrays.copyOfRange(f, off + 24, off + 40);
    return tcp(f, off + 40, u16(f, off + 4), src, dst, nanos, true);
  }

  private static Segment tcp(byte[] f, int off, int tcpLength, byte[] src, byte[] dst, long nanos,
      boolean ipOk) {
    if (off + 20 > f.length) {
      return null; // Zeek needs the fixed header to find the connection
    }
    int hdr = ((f[off + 12] & 0xf0) >> 4) * 4;
    int payload = tcpLength - hdr;
    boolean complete = off + hdr <= f.length;
    int captured = Math.max(0, Math.min(payload, f.length - off - hdr));
    boolean tcpOk = true;
    if (off + tcpLength <= f.length) {
      int pseudo = sum(src) + sum(dst) + 6 + tcpLength;
      tcpOk = checksum(f, off, tcpLength, pseudo) == 0xffff;
    }
    return new Segment(nanos, src, u16(f, off), dst, u16(f, off + 2), f[off + 13] & 0xff,
        u32(f, off + 4), u32(f, off + 8), payload, captured, u16(f, off + 14), complete, ipOk,
        tcpOk);
  }

  private static int sum(byte[] addr) {
    int s = 0;
    for (int i = 0; i < addr.length; i += 2) {
      s += u16(addr, i);
    }
    return s;
  }

  private static int checksum(byte[] f, int off, int len, int initial) {
    long sum = initial;
    for (int i = 0; i + 1 < len; i += 2) {
      sum += u16(f, off + i);
    }
    if ((len & 1) != 0) {
      sum += (f[off + len - 1] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) sum;
  }

  private static int u16(byte[] f, int off) {
    return (f[off] & 0xff) << 8 | (f[off + 1] & 0xff);
  }

  private static long u32(byte[] f, int off) {
    return ((long) u16(f, off) << 16) | u16(f, off + 2);
  }
}
