package io.portflow.capture.synthetic;

import java.util.SplittableRandom;

/** Plans a DNS lookup over UDP: one query, one answer a resolver round trip later. */
final class DnsPlanner {
  static final String[] NAMES = {
    "example.com", "www.example.com", "api.example.net", "cdn.example.org", "mail.example.com",
    "db-1.internal.example", "cache.internal.example", "login.example.net", "static.example.org",
    "metrics.example.com", "search.example.net", "updates.example.org",
  };

  private DnsPlanner() {}

  /** A lookup sent at {@code start} whose answer is {@code answer}'s server address. */
  static Script plan(Conversation lookup, Conversation answer, long start, long serial,
      SplittableRandom random) {
    int name = random.nextInt(NAMES.length);
    Script s = new Script(lookup, true, name, answer.serverAddress(), false, random.nextInt(0x10000), 0, 0);
    s.serial = serial;
    s.add(start, true, 0, 0, 0, 0, 0, Script.NO_OPTIONS);
    s.add(start + TcpPlanner.logUniform(random, 300_000, 40_000_000), false, 0, 0, 0, 0, 0,
        Script.NO_OPTIONS);
    return s;
  }
}
