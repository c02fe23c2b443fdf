package io.portflow.capture.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Writes a synthetic capture of a given size. {@link TrafficMix#concurrency()} slots each run one
 * TCP connection after another (some preceded by a DNS lookup); a heap of the planned exchanges
 * hands out their packets in time order. The file ends with the last record that fits the target
 * size, so the connections still open then are cut as a real capture would cut them.
 */
public final class TrafficGenerator {
  /** 2024-03-01T08:00:00Z. */
  private static final long EPOCH_NANOS = 1_709_280_000L * 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final TrafficMix mix;
  private final SplittableRandom random;
  private final Hosts hosts;
  private final TcpPlanner tcp;
  private final PriorityQueue<Script> queue = new PriorityQueue<>(
      Comparator.comparingLong(Script::nextTime).thenComparingLong(s -> s.serial));
  private long serial;

  private TrafficGenerator(TrafficMix mix) {
    this.mix = mix;
    this.random = new SplittableRandom(mix.seed());
    this.hosts = new Hosts(mix);
    this.tcp = new TcpPlanner(mix);
  }

  /** Writes the capture {@code mix} describes to {@code file}. */
  public static GeneratedCapture write(TrafficMix mix, Path file) throws IOException {
    return new TrafficGenerator(mix).run(file);
  }

  private GeneratedCapture run(Path file) throws IOException {
    for (int slot = 0; slot < mix.concurrency(); slot++) {
      start(EPOCH_NANOS + random.nextLong(2000 * MS));
    }
    FrameBuilder builder = new FrameBuilder(mix.seed());
    long frames = 0;
    long tcpFrames = 0;
    long connections = 0;
    long lookups = 0;
    long first = 0;
    long last = 0;
    try (PcapOut out = new PcapOut(file)) {
      while (!queue.isEmpty()) {
        Script s = queue.poll();
        int i = s.next++;
        int length = builder.build(s, i);
        if (out.size() + PcapOut.RECORD_HEADER + length > mix.targetBytes()) {
          break;
        }
        out.record(s.time[i], builder.frame(), length);
        first = frames == 0 ? s.time[i] : first;
        last = s.time[i];
        frames++;
        if (!s.udp) {
          tcpFrames++;
        }
        if (i == 0) {
          if (s.udp) {
            lookups++;
          } else {
            connections++;
          }
        }
        if (!s.done()) {
          queue.add(s);
        } else if (s.endsSlot) {
          start(s.lastTime() + TcpPlanner.logUniform(random, MS, 500 * MS));
        }
      }
      return new GeneratedCapture(frames, out.size(), tcpFrames, connections, lookups, first, last);
    }
  }

  /** Plans a slot's next connection, and the lookup before it when there is one. */
  private void start(long at) {
    SplittableRandom own = random.split();
    Conversation connection = hosts.connection(own);
    if (own.nextDouble() < mix.dnsShare()) {
      Script lookup = DnsPlanner.plan(hosts.lookup(connection, own), connection, at, serial++, own);
      queue.add(lookup);
      at = lookup.lastTime() + 100_000;
    }
    queue.add(tcp.plan(connection, at, serial++, own));
  }
}
