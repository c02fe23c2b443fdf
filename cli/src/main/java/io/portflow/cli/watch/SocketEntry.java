package io.portflow.cli.watch;

/**
 * One socket from {@code /proc/net/tcp}, {@code tcp6}, {@code udp} or {@code udp6}.
 *
 * @param transport {@code tcp} or {@code udp}
 * @param localIp dotted quad, or RFC 5952 IPv6; an IPv4-mapped IPv6 address is given as IPv4
 * @param localPort 0-65535
 * @param remoteIp as {@code localIp}; {@code 0.0.0.0} or {@code ::} when not connected
 * @param remotePort 0 when not connected
 * @param state the kernel's TCP state number (10 LISTEN, 1 ESTABLISHED, 6 TIME_WAIT, 7 CLOSE)
 * @param uid owner of the socket
 * @param inode socket inode, the key to {@code /proc/PID/fd}; 0 for sockets no process holds
 *     (TIME_WAIT, orphans)
 * @param ipv6Socket true for a {@code tcp6}/{@code udp6} socket, which may also carry IPv4
 */
public record SocketEntry(
    String transport,
    String localIp,
    int localPort,
    String remoteIp,
    int remotePort,
    int state,
    int uid,
    long inode,
    boolean ipv6Socket) {

  static final int TCP_ESTABLISHED = 0x01;
  static final int TCP_CLOSE = 0x07;
  static final int TCP_LISTEN = 0x0a;

  /**
   * A socket that accepts traffic for its local address and port from anyone: a TCP listener, or
   * an unconnected UDP socket.
   */
  public boolean listening() {
    if (transport.equals("tcp")) return state == TCP_LISTEN;
    return remotePort == 0 && isWildcard(remoteIp);
  }

  /** Bound to every local address ({@code 0.0.0.0} or {@code ::}). */
  public boolean wildcardLocal() {
    return isWildcard(localIp);
  }

  static boolean isWildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::");
  }
}
