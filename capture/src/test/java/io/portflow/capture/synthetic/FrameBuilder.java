package io.portflow.capture.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes one planned packet as an Ethernet frame: MAC addresses, VLAN tags, an IPv4 (with header
 * checksum) or IPv6 header, and a TCP header with options or a UDP DNS message, each with its
 * checksum over the pseudo-header. TCP payload bytes come from a fixed pool of random bytes.
 */
final class FrameBuilder {
  static final int MAX_FRAME = 2048;
  private static final int POOL = 1 << 16;
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86dd;
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88a8;
  private static final int PROTO_TCP = 6;
  private static final int PROTO_UDP = 17;

  private final byte[] frame = new byte[MAX_FRAME];
  private final byte[] pool = new byte[POOL + MAX_FRAME];
  private int ipId;

  FrameBuilder(long seed) {
    new SplittableRandom(seed ^ 0x9a71_0adL).nextBytes(pool);
  }

  byte[] frame() {
    return frame;
  }

  /** Builds packet {@code i} of {@code s} into {@link #frame()}; returns its length. */
  int build(Script s, int i) {
    Conversation c = s.conversation;
    boolean client = s.fromClient[i];
    int at = ethernet(c, client);
    int ipHeader = at;
    int ipLength = c.ipVersion() == 6 ? 40 : 20;
    int transport = ipHeader + ipLength;
    int segmentLength = s.udp ? dns(s, i, transport) : tcp(s, i, transport);
    int protocol = s.udp ? PROTO_UDP : PROTO_TCP;
    byte[] src = client ? c.clientAddress() : c.serverAddress();
    byte[] dst = client ? c.serverAddress() : c.clientAddress();
    if (c.ipVersion() == 6) {
      ipv6(ipHeader, src, dst, protocol, segmentLength, client);
    } else {
      ipv4(ipHeader, src, dst, protocol, segmentLength, client);
    }
    int checksumAt = transport + (s.udp ? 6 : 16);
    put16(checksumAt, checksum(c.ipVersion(), src, dst, protocol, transport, segmentLength));
    return transport + segmentLength;
  }

  private int ethernet(Conversation c, boolean client) {
    put48(0, client ? c.routerMac() : c.clientMac());
    put48(6, client ? c.clientMac() : c.routerMac());
    int at = 12;
    if (c.vlanOuter() >= 0) {
      put16(at, c.vlanInner() >= 0 ? ETHERTYPE_QINQ : ETHERTYPE_VLAN);
      put16(at + 2, c.vlanOuter());
      at += 4;
      if (c.vlanInner() >= 0) {
        put16(at, ETHERTYPE_VLAN);
        put16(at + 2, c.vlanInner());
        at += 4;
      }
    }
    put16(at, c.ipVersion() == 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4);
    return at + 2;
  }

  private void ipv4(int at, byte[] src, byte[] dst, int protocol, int payload, boolean client) {
    frame[at] = 0x45;
    frame[at + 1] = 0;
    put16(at + 2, 20 + payload);
    put16(at + 4, ipId++ & 0xffff);
    put16(at + 6, 0x4000); // don't fragment
    frame[at + 8] = (byte) (client ? 64 : 52);
    frame[at + 9] = (byte) protocol;
    put16(at + 10, 0);
    System.arraycopy(src, 0, frame, at + 12, 4);
    System.arraycopy(dst, 0, frame, at + 16, 4);
    put16(at + 10, fold(sum(at, 20, 0)));
  }

  private void ipv6(int at, byte[] src, byte[] dst, int protocol, int payload, boolean client) {
    put32(at, 0x6000_0000 | (ipId++ & 0xfffff));
    put16(at + 4, payload);
    frame[at + 6] = (byte) protocol;
    frame[at + 7] = (byte) (client ? 64 : 52);
    System.arraycopy(src, 0, frame, at + 8, 16);
    System.arraycopy(dst, 0, frame, at + 24, 16);
  }

  private int tcp(Script s, int i, int at) {
    Conversation c = s.conversation;
    boolean client = s.fromClient[i];
    put16(at, client ? c.clientPort() : c.serverPort());
    put16(at + 2, client ? c.serverPort() : c.clientPort());
    put32(at + 4, s.seq[i]);
    put32(at + 8, s.ack[i]);
    int optionsAt = at + 20;
    int optionsEnd = options(s, i, optionsAt);
    int headerLength = optionsEnd - at;
    frame[at + 12] = (byte) ((headerLength / 4) << 4);
    frame[at + 13] = (byte) s.flags[i];
    put16(at + 14, s.window[i]);
    put16(at + 16, 0);
    put16(at + 18, 0);
    int length = s.length[i];
    System.arraycopy(pool, (s.seq[i] * 31) & (POOL - 1), frame, optionsEnd, length);
    return headerLength + length;
  }

  /** Linux's option layouts: MSS, SACK permitted, timestamps, NOP, window scale on a SYN; NOP NOP timestamps otherwise. */
  private int options(Script s, int i, int at) {
    byte set = s.options[i];
    if (set == Script.NO_OPTIONS) {
      return at;
    }
    long clock = s.time[i] / 1_000_000L;
    int tsVal = (int) (clock + (s.fromClient[i] ? s.isnClient : s.isnServer));
    int tsEcr = (int) (clock - s.rttNanos / 1_000_000L + (s.fromClient[i] ? s.isnServer : s.isnClient));
    if (set == Script.SYN_OPTIONS) {
      frame[at] = 2;
      frame[at + 1] = 4;
      put16(at + 2, s.conversation.ipVersion() == 6 ? 1440 : 1460);
      frame[at + 4] = 4;
      frame[at + 5] = 2;
      timestamps(at + 6, tsVal, (s.flags[i] & 0x10) != 0 ? tsEcr : 0);
      frame[at + 16] = 1;
      frame[at + 17] = 3;
      frame[at + 18] = 3;
      frame[at + 19] = 7;
      return at + 20;
    }
    frame[at] = 1;
    frame[at + 1] = 1;
    timestamps(at + 2, tsVal, tsEcr);
    return at + 12;
  }

  private void timestamps(int at, int value, int echo) {
    frame[at] = 8;
    frame[at + 1] = 10;
    put32(at + 2, value);
    put32(at + 6, echo);
  }

  /** A query for one of {@link DnsPlanner#NAMES}, or its answer with one address record. */
  private int dns(Script s, int i, int at) {
    Conversation c = s.conversation;
    boolean query = s.fromClient[i];
    int m = at + 8;
    put16(m, s.isnClient & 0xffff);
    put16(m + 2, query ? 0x0100 : 0x8180);
    put16(m + 4, 1);
    put16(m + 6, query ? 0 : 1);
    put16(m + 8, 0);
    put16(m + 10, 0);
    int p = m + 12;
    for (String label : DnsPlanner.NAMES[s.dnsName].split("\\.")) {
      byte[] text = label.getBytes(StandardCharsets.US_ASCII);
      frame[p++] = (byte) text.length;
      System.arraycopy(text, 0, frame, p, text.length);
      p += text.length;
    }
    frame[p++] = 0;
    boolean v6 = c.ipVersion() == 6;
    put16(p, v6 ? 28 : 1);
    put16(p + 2, 1);
    p += 4;
    if (!query) {
      put16(p, 0xc00c);
      put16(p + 2, v6 ? 28 : 1);
      put16(p + 4, 1);
      put32(p + 6, 300);
      put16(p + 10, v6 ? 16 : 4);
      System.arraycopy(s.dnsAnswer, 0, frame, p + 12, v6 ? 16 : 4);
      p += 12 + (v6 ? 16 : 4);
    }
    put16(at, query ? c.clientPort() : c.serverPort());
    put16(at + 2, query ? c.serverPort() : c.clientPort());
    put16(at + 4, p - at);
    put16(at + 6, 0);
    return p - at;
  }

  private int checksum(int version, byte[] src, byte[] dst, int protocol, int at, int length) {
    int addressLength = version == 6 ? 16 : 4;
    long sum = 0;
    for (int k = 0; k < addressLength; k += 2) {
      sum += ((src[k] & 0xff) << 8 | (src[k + 1] & 0xff)) + ((dst[k] & 0xff) << 8 | (dst[k + 1] & 0xff));
    }
    sum += protocol + length;
    int folded = fold(sum(at, length, sum));
    return folded == 0 && protocol == PROTO_UDP ? 0xffff : folded;
  }

  private long sum(int at, int length, long sum) {
    int end = at + (length & ~1);
    for (int k = at; k < end; k += 2) {
      sum += (frame[k] & 0xff) << 8 | (frame[k + 1] & 0xff);
    }
    if ((length & 1) != 0) {
      sum += (frame[at + length - 1] & 0xff) << 8;
    }
    return sum;
  }

  private static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  private void put16(int at, int v) {
    frame[at] = (byte) (v >>> 8);
    frame[at + 1] = (byte) v;
  }

  private void put32(int at, int v) {
    frame[at] = (byte) (v >>> 24);
    frame[at + 1] = (byte) (v >>> 16);
    frame[at + 2] = (byte) (v >>> 8);
    frame[at + 3] = (byte) v;
  }

  private void put48(int at, long v) {
    put16(at, (int) (v >>> 32));
    put32(at + 2, (int) v);
  }
}
