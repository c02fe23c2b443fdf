package io.portflow.cli.corpus;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One end of a connection, with the address in one canonical text form so that tshark's and
 * portflow's spellings of the same IPv6 address compare equal.
 */
record HostPort(String ip, int port) {

  static HostPort of(String ip, int port) {
    return new HostPort(canonical(ip), port);
  }

  private static String canonical(String ip) {
    try {
      // A literal is parsed, never looked up.
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + ip, e);
    }
  }

  @Override
  public String toString() {
    return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
  }
}
