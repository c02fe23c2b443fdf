package io.portflow.capture.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code GenerateCapture SIZE FILE [--seed N] [--concurrency N]}: writes a synthetic capture of
 * SIZE bytes (suffix k, M or G: powers of 1000) and prints one line of {@code key=value} facts.
 */
public final class GenerateCapture {
  private GenerateCapture() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: GenerateCapture SIZE FILE [--seed N] [--concurrency N]");
      System.exit(2);
    }
    long size = parseSize(args[0]);
    Path file = Path.of(args[1]);
    long seed = 42;
    int concurrency = -1;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seed":
          seed = Long.parseLong(args[i + 1]);
          break;
        case "--concurrency":
          concurrency = Integer.parseInt(args[i + 1]);
          break;
        default:
          System.err.println("unknown option " + args[i] + " (expected: --seed, --concurrency)");
          System.exit(2);
      }
    }
    TrafficMix mix = TrafficMix.of(seed, size);
    if (concurrency > 0) {
      mix = mix.withConcurrency(concurrency);
    }
    long started = System.nanoTime();
    GeneratedCapture c = TrafficGenerator.write(mix, file);
    System.out.printf(Locale.ROOT,
        "file=%s bytes=%d frames=%d tcp_frames=%d tcp_connections=%d dns_lookups=%d span_s=%.1f seed=%d seconds=%.1f%n",
        file, c.bytes(), c.frames(), c.tcpFrames(), c.tcpConnections(), c.dnsLookups(),
        (c.lastNanos() - c.firstNanos()) / 1e9, seed, (System.nanoTime() - started) / 1e9);
  }

  /** {@code 1G}, {@code 250M}, {@code 64k} or a plain number of bytes. */
  public static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1_000L : last == 'm' ? 1_000_000L : 1_000_000_000L;
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.round(Double.parseDouble(t) * unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size: '" + text + "' (expected: bytes, or a number with k, M or G)");
    }
  }
}
