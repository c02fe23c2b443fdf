package io.portflow.capture.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Network namespaces made for one test and deleted afterwards, even when the test fails (and by a
 * shutdown hook if the JVM dies first). Names carry our pid, so a later run can delete what a
 * killed run left behind without touching namespaces of runs still alive. IPv6 is off inside, so
 * no router solicitation or DAD appears in a capture uninvited.
 */
final class Netns implements AutoCloseable {
  static final String PREFIX = "pflive-";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final List<String> names = new ArrayList<>();
  private final Thread hook = new Thread(this::deleteAll, "netns-cleanup");

  Netns() {
    deleteStale();
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A new namespace with {@code lo} up and IPv6 disabled. */
  String create(String tag) throws IOException {
    String name = PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + tag;
    Commands.run("ip", "netns", "add", name);
    names.add(name);
    exec(name, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
    Commands.run("ip", "-n", name, "link", "set", "lo", "up");
    return name;
  }

  /**
   * A veth pair: {@code ifA} in {@code nsA} with 10.77.0.1/24, {@code ifB} in {@code nsB} with
   * 10.77.0.2/24, both up.
   */
  void veth(String nsA, String ifA, String nsB, String ifB) throws IOException {
    Commands.run("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
    Commands.run("ip", "-n", nsA, "addr", "add", "10.77.0.1/24", "dev", ifA);
    Commands.run("ip", "-n", nsB, "addr", "add", "10.77.0.2/24", "dev", ifB);
    Commands.run("ip", "-n", nsA, "link", "set", ifA, "up");
    Commands.run("ip", "-n", nsB, "link", "set", ifB, "up");
  }

  static String exec(String ns, String... command) throws IOException {
    return Commands.run(Commands.concat(List.of("ip", "netns", "exec", ns), command));
  }

  static ProcessBuilder processIn(String ns, String... command) {
    return new ProcessBuilder(Commands.concat(List.of("ip", "netns", "exec", ns), command));
  }

  @Override
  public void close() {
    deleteAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook runs anyway
    }
  }

  private synchronized void deleteAll() {
    for (String name : names) Commands.runQuietly("ip", "netns", "del", name);
    names.clear();
  }

  /** Namespaces of earlier runs whose JVM is gone. */
  private static void deleteStale() {
    Path dir = Path.of("/var/run/netns");
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> entries = Files.list(dir)) {
      entries.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(PREFIX))
          .filter(n -> !ownerAlive(n))
          .forEach(n -> Commands.runQuietly("ip", "netns", "del", n));
    } catch (IOException e) {
      // nothing to clean
    }
  }

  private static boolean ownerAlive(String name) {
    String[] parts = name.substring(PREFIX.length()).split("-");
    try {
      return ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
