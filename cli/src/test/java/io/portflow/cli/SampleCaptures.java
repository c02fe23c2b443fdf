package io.portflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The captures in the repository's sample-pcaps/, found from the cli module's directory. */
final class SampleCaptures {
  /** The repository root: the parent of the cli module, where surefire runs. */
  static final Path ROOT = findRoot();

  static final List<String> NAMES = List.of(
      "http-ipv4-ipv6.pcapng",
      "vlan-aerospike.pcap",
      "linux-sll-redis.pcap",
      "loopback-redis-refused.pcap");

  private SampleCaptures() {}

  /** The path to give the command for {@code sample-pcaps/name}. */
  static String path(String name) {
    return ROOT.resolve("sample-pcaps").resolve(name).toString();
  }

  /** Output as it reads when run from the repository root: {@code sample-pcaps/name}. */
  static String asFromRoot(String output) {
    return output.replace(ROOT.resolve("sample-pcaps") + "/", "sample-pcaps/");
  }

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-pcaps")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no sample-pcaps/ above " + dir);
  }
}
