package io.portflow.capture.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans one TCP connection as a Linux client and server would play it, seen from a tap near the
 * client: the handshake with options, request/response rounds (small exchanges mostly, now and
 * then a response of several full segments acknowledged every second segment), a few
 * retransmissions, and a FIN exchange from either side or a RST. A few attempts are refused
 * (RST+ACK) or never answered (the SYN is retransmitted after 1 and 3 seconds).
 */
final class TcpPlanner {
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final int TCP_FIN = 0x01;
  private static final int TCP_SYN = 0x02;
  private static final int TCP_RST = 0x04;
  private static final int TCP_PSH = 0x08;
  private static final int TCP_ACK = 0x10;
  private static final double RETRANSMIT_SHARE = 0.003;

  private final TrafficMix mix;

  TcpPlanner(TrafficMix mix) {
    this.mix = mix;
  }

  /** The whole connection; its first packet (the SYN) goes out at {@code start}. */
  Script plan(Conversation c, long start, long serial, SplittableRandom random) {
    int rtt = (int) logUniform(random, 200 * US, 80 * MS);
    Plan p = new Plan(start, c.ipVersion() == 6 ? 1428 : 1448, random);
    double attempt = random.nextDouble();
    p.control(0, true, TCP_SYN, Script.SYN_OPTIONS);
    if (attempt < mix.unansweredShare()) {
      p.resend(0, 1000 * MS);
      p.resend(0, 3000 * MS);
    } else if (attempt < mix.unansweredShare() + mix.refusedShare()) {
      p.control(rtt, false, TCP_RST | TCP_ACK, Script.NO_OPTIONS);
    } else {
      p.control(rtt, false, TCP_SYN | TCP_ACK, Script.SYN_OPTIONS);
      p.control(rtt + 30 * US, true, TCP_ACK, Script.TIMESTAMPS);
      long t = rtt + 30 * US;
      int rounds = 1 + (int) Math.min(400, -13 * Math.log(1 - random.nextDouble()));
      for (int r = 0; r < rounds; r++) {
        t += r == 0 ? 40 * US : think(random);
        t = round(p, t, rtt, random);
      }
      teardown(p, t, rtt, random);
    }
    return p.finish(c, serial, rtt);
  }

  /** One request and its response; returns the time of the round's last packet. */
  private static long round(Plan p, long t, int rtt, SplittableRandom random) {
    t = p.data(t, true, (int) logUniform(random, 16, 320), 5 * US);
    long serverTime = logUniform(random, 50 * US, 30 * MS);
    if (serverTime > 40 * MS) {
      p.pureAck(t + rtt + 40 * MS, false);
    }
    int response = random.nextDouble() < 0.9
        ? (int) logUniform(random, 16, 320)
        : (int) logUniform(random, 600, 6000);
    long at = t + rtt + serverTime;
    int segments = 0;
    for (int left = response; left > 0; ) {
      int n = Math.min(left, p.mss);
      left -= n;
      p.segment(at, false, n, left == 0);
      segments++;
      if (segments % 2 == 0 || left == 0) {
        p.pureAck(at + 40 * US, true);
      }
      at += 12 * US;
    }
    return at + 40 * US;
  }

  private void teardown(Plan p, long t, int rtt, SplittableRandom random) {
    double end = random.nextDouble();
    if (end < mix.resetShare()) {
      boolean client = random.nextBoolean();
      p.control(t + (client ? 50 * US : rtt), client, TCP_RST | TCP_ACK, Script.NO_OPTIONS);
    } else if (end < 0.65) {
      t += think(random);
      p.control(t, true, TCP_FIN | TCP_ACK, Script.TIMESTAMPS);
      p.control(t + rtt, false, TCP_FIN | TCP_ACK, Script.TIMESTAMPS);
      p.control(t + rtt + 20 * US, true, TCP_ACK, Script.TIMESTAMPS);
    } else {
      t += logUniform(random, 5 * MS, 4000 * MS);
      p.control(t, false, TCP_FIN | TCP_ACK, Script.TIMESTAMPS);
      p.control(t + 60 * US, true, TCP_FIN | TCP_ACK, Script.TIMESTAMPS);
      p.control(t + 60 * US + rtt, false, TCP_ACK, Script.TIMESTAMPS);
    }
  }

  /** Pause between rounds: mostly a chatty client, sometimes a person or a poll interval. */
  private static long think(SplittableRandom random) {
    return random.nextDouble() < 0.7 ? logUniform(random, 100 * US, 50 * MS) : logUniform(random, 50 * MS, 3000 * MS);
  }

  static long logUniform(SplittableRandom random, long low, long high) {
    return Math.round(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))));
  }

  /** Packets as they are planned; sorted by time and given acknowledgement numbers at the end. */
  private static final class Plan {
    final long start;
    final int mss;
    final SplittableRandom random;
    final List<Packet> packets = new ArrayList<>(64);
    /** Sequence space each side has used so far, relative to its initial sequence number. */
    long clientNext;
    long serverNext;

    Plan(long start, int mss, SplittableRandom random) {
      this.start = start;
      this.mss = mss;
      this.random = random;
    }

    void control(long at, boolean client, int flags, byte options) {
      long seq = client ? clientNext : serverNext;
      int used = (flags & (TCP_SYN | TCP_FIN)) != 0 ? 1 : 0;
      add(at, client, flags, seq, 0, options);
      advance(client, used);
    }

    /** The same packet as {@code index} again, {@code delay} after it. */
    void resend(int index, long delay) {
      Packet first = packets.get(index);
      add(first.at + delay, first.client, first.flags, first.seq, first.length, first.options);
    }

    void pureAck(long at, boolean client) {
      add(at, client, TCP_ACK, client ? clientNext : serverNext, 0, Script.TIMESTAMPS);
    }

    /** Sends {@code bytes} in full segments {@code gap} apart; returns the last one's time. */
    long data(long at, boolean client, int bytes, long gap) {
      for (int left = bytes; left > 0; at += gap) {
        int n = Math.min(left, mss);
        left -= n;
        segment(at, client, n, left == 0);
        if (left == 0) {
          return at;
        }
      }
      return at;
    }

    void segment(long at, boolean client, int n, boolean last) {
      long seq = client ? clientNext : serverNext;
      int flags = TCP_ACK | (last ? TCP_PSH : 0);
      add(at, client, flags, seq, n, Script.TIMESTAMPS);
      advance(client, n);
      if (random.nextDouble() < RETRANSMIT_SHARE) {
        add(at + 200 * MS + random.nextInt(100) * MS, client, flags, seq, n, Script.TIMESTAMPS);
      }
    }

    private void add(long at, boolean client, int flags, long seq, int length, byte options) {
      packets.add(new Packet(at, packets.size(), client, flags, seq, length, options));
    }

    private void advance(boolean client, int n) {
      if (client) {
        clientNext += n;
      } else {
        serverNext += n;
      }
    }

    Script finish(Conversation c, long serial, int rtt) {
      packets.sort(Comparator.comparingLong((Packet p) -> p.at).thenComparingInt(p -> p.order));
      Script s = new Script(c, false, -1, null, true, random.nextInt(), random.nextInt(), rtt);
      s.serial = serial;
      int clientWindow = 501 + random.nextInt(12);
      int serverWindow = 501 + random.nextInt(12);
      long clientSeen = 0; // how far each side has seen the other's sequence space
      long serverSeen = 0;
      for (Packet p : packets) {
        long end = p.seq + p.length + ((p.flags & (TCP_SYN | TCP_FIN)) != 0 ? 1 : 0);
        int isn = p.client ? s.isnClient : s.isnServer;
        int peerIsn = p.client ? s.isnServer : s.isnClient;
        long peerEnd = p.client ? serverSeen : clientSeen;
        boolean acks = (p.flags & TCP_ACK) != 0;
        int ack = acks ? peerIsn + (int) peerEnd : 0;
        int window = (p.flags & TCP_SYN) != 0 ? 64240 : (p.client ? clientWindow : serverWindow);
        if ((p.flags & TCP_RST) != 0) {
          window = 0;
        }
        s.add(start + p.at, p.client, p.flags, isn + (int) p.seq, ack, p.length, window, p.options);
        if (p.client) {
          clientSeen = Math.max(clientSeen, end);
        } else {
          serverSeen = Math.max(serverSeen, end);
        }
      }
      return s;
    }
  }

  private record Packet(long at, int order, boolean client, int flags, long seq, int length, byte options) {}
}
