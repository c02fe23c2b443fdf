package io.portflow.cli.watch;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the socket tables in {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}.
 * Lines that do not parse are skipped: the format has been stable since Linux 2.6, and a stray
 * line must not hide the rest.
 */
final class ProcNet {
  private ProcNet() {}

  /**
   * @param transport {@code tcp} or {@code udp}
   * @param ipv6 true for the {@code tcp6}/{@code udp6} files
   * @param text the whole file, header line included
   * @param hostOrder byte order the kernel printed the address words in (the machine's own)
   */
  static List<SocketEntry> parse(String transport, boolean ipv6, String text, ByteOrder hostOrder) {
    List<SocketEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      SocketEntry e = parseLine(transport, ipv6, line.strip(), hostOrder);
      if (e != null) entries.add(e);
    }
    return entries;
  }

  /** "0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 31337 1 ..." */
  static SocketEntry parseLine(String transport, boolean ipv6, String line, ByteOrder hostOrder) {
    String[] f = line.split("\\s+");
    if (f.length < 10 || !f[0].endsWith(":")) return null;
    int localColon = f[1].indexOf(':');
    int remoteColon = f[2].indexOf(':');
    if (localColon < 0 || remoteColon < 0) return null;
    String localIp = ProcAddress.ip(f[1].substring(0, localColon), hostOrder);
    int localPort = ProcAddress.port(f[1].substring(localColon + 1));
    String remoteIp = ProcAddress.ip(f[2].substring(0, remoteColon), hostOrder);
    int remotePort = ProcAddress.port(f[2].substring(remoteColon + 1));
    if (localIp == null || remoteIp == null || localPort < 0 || remotePort < 0) return null;
    try {
      int state = Integer.parseInt(f[3], 16);
      int uid = Integer.parseInt(f[7]);
      long inode = Long.parseLong(f[9]);
      return new SocketEntry(transport, localIp, localPort, remoteIp, remotePort, state, uid, inode, ipv6);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
