package io.portflow.cli.watch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sockets of one scan, indexed by 4-tuple and by listening address. Immutable. */
final class SocketTable {
  static final SocketTable EMPTY = new SocketTable(List.of());

  private final Map<String, SocketEntry> connected = new HashMap<>();
  private final Map<String, SocketEntry> listening = new HashMap<>();
  private final Set<Long> inodes = new HashSet<>();

  SocketTable(List<SocketEntry> entries) {
    for (SocketEntry e : entries) {
      if (e.inode() > 0) inodes.add(e.inode());
      if (e.listening()) {
        listening.merge(key(e.transport(), e.localIp(), e.localPort()), e, SocketTable::preferHeld);
      } else {
        connected.merge(key(e.transport(), e.localIp(), e.localPort(), e.remoteIp(), e.remotePort()), e,
            SocketTable::preferHeld);
      }
    }
  }

  /** The connected socket with exactly this local and remote end, or null. */
  SocketEntry connected(String transport, String localIp, int localPort, String remoteIp, int remotePort) {
    return connected.get(key(transport, localIp, localPort, remoteIp, remotePort));
  }

  /**
   * The socket that accepts traffic to {@code ip:port}: bound to that address, else to the
   * wildcard of its family, else (for IPv4) to {@code ::} on a dual-stack IPv6 socket.
   */
  SocketEntry listener(String transport, String ip, int port) {
    SocketEntry exact = listening.get(key(transport, ip, port));
    if (exact != null) return exact;
    boolean v4 = ip.indexOf(':') < 0;
    if (v4) {
      SocketEntry any4 = listening.get(key(transport, "0.0.0.0", port));
      if (any4 != null) return any4;
    }
    return listening.get(key(transport, "::", port));
  }

  /** Inodes of every socket some process holds. */
  Set<Long> inodes() {
    return inodes;
  }

  /** Two sockets on one key (a TIME_WAIT remnant beside a live one): keep the one a process holds. */
  private static SocketEntry preferHeld(SocketEntry a, SocketEntry b) {
    return a.inode() > 0 ? a : b;
  }

  private static String key(String transport, String ip, int port) {
    return transport + ' ' + ip + ' ' + port;
  }

  private static String key(String transport, String localIp, int localPort, String remoteIp, int remotePort) {
    return transport + ' ' + localIp + ' ' + localPort + ' ' + remoteIp + ' ' + remotePort;
  }
}
