package io.portflow.capture.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.libpcap.Libpcap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Assumptions for tests that need root, libpcap or a tool; each skip says why. */
final class Privileges {
  private Privileges() {}

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0");
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  static void assumeRoot() {
    assumeTrue(isRoot(), "needs root (CAP_NET_RAW, CAP_NET_ADMIN, CAP_SYS_ADMIN for network namespaces)");
  }

  static void assumeLibpcap() {
    try {
      Libpcap.require();
    } catch (CaptureException e) {
      assumeTrue(false, "needs libpcap: " + e.getMessage());
    }
  }

  static void assumeTool(String name) {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, name))) found = true;
    }
    if (!found) found = Files.isExecutable(Path.of("/usr/sbin", name)) || Files.isExecutable(Path.of("/sbin", name));
    assumeTrue(found, "needs " + name + " on the PATH");
  }

  /** Root, libpcap, the ip tool, and leave to create network namespaces (containers may refuse). */
  static void assumeNamespaces() {
    assumeRoot();
    assumeLibpcap();
    assumeTool("ip");
    assumeTrue(namespacesAllowed(), "cannot create network namespaces here (ip netns add failed)");
  }

  private static Boolean namespacesAllowed;

  private static synchronized boolean namespacesAllowed() {
    if (namespacesAllowed == null) {
      String probe = Netns.PREFIX + ProcessHandle.current().pid() + "-probe";
      try {
        Commands.run("ip", "netns", "add", probe);
        namespacesAllowed = true;
      } catch (IOException e) {
        namespacesAllowed = false;
      } finally {
        Commands.runQuietly("ip", "netns", "del", probe);
      }
    }
    return namespacesAllowed;
  }
}
