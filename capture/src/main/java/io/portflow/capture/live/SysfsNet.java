package io.portflow.capture.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code /sys/class/net/IFACE} says about an interface that libpcap does not: its RFC 2863
 * operational state and whether it is wireless. Pseudo-devices ({@code any}, {@code nflog}) have
 * no directory there. sysfs shows the network namespace it was mounted in, which is the caller's
 * under {@code ip netns exec}.
 */
final class SysfsNet {
  static final Path DEFAULT_ROOT = Path.of("/sys/class/net");

  private final Path root;

  SysfsNet(Path root) {
    this.root = root;
  }

  /** The content of {@code operstate} ("up", "down", "unknown", ...), or null when there is none. */
  String operState(String iface) {
    Path dir = directory(iface);
    if (dir == null) return null;
    try {
      return Files.readString(dir.resolve("operstate"), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return null;
    }
  }

  boolean wireless(String iface) {
    Path dir = directory(iface);
    return dir != null && (Files.exists(dir.resolve("wireless")) || Files.exists(dir.resolve("phy80211")));
  }

  /** Null for names that are not plain interface names (no path tricks) or have no directory. */
  private Path directory(String iface) {
    if (iface.isEmpty() || iface.contains("/") || iface.equals(".") || iface.equals("..")) return null;
    Path dir = root.resolve(iface);
    return Files.isDirectory(dir) ? dir : null;
  }
}
