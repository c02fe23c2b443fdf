package io.portflow.cli.watch;

import java.util.HashMap;
import java.util.Map;

/** Small parsers for /proc and /etc text: fd link targets, status Uid lines, passwd. */
final class ProcText {
  private ProcText() {}

  /** The inode in an fd link target {@code socket:[31337]}; -1 for anything else (files, pipes). */
  static long socketInode(String linkTarget) {
    if (!linkTarget.startsWith("socket:[") || !linkTarget.endsWith("]")) return -1;
    try {
      return Long.parseLong(linkTarget.substring(8, linkTarget.length() - 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The effective uid from {@code /proc/PID/status} ("Uid:\treal\teffective\tsaved\tfs"), the
   * user {@code ps} shows; -1 when there is no Uid line.
   */
  static int effectiveUid(String status) {
    for (String line : status.split("\n")) {
      if (!line.startsWith("Uid:")) continue;
      String[] f = line.substring(4).strip().split("\\s+");
      try {
        return Integer.parseInt(f.length > 1 ? f[1] : f[0]);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  /** uid to name from /etc/passwd text; the first name wins when two share a uid. */
  static Map<Integer, String> passwd(String text) {
    Map<Integer, String> names = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split(":", -1);
      if (f.length < 3) continue;
      try {
        names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
      } catch (NumberFormatException e) {
        // a malformed line: skip it
      }
    }
    return names;
  }

  /** {@code /proc/PID/comm} without its newline. */
  static String command(String comm) {
    return comm.strip();
  }
}
