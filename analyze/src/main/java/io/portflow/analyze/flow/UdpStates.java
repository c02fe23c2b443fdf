package io.portflow.analyze.flow;

/**
 * Zeek's conn_state and history for a UDP flow. Zeek's UDP endpoint is active once it has sent a
 * datagram; history records 'D' for the originator's first datagram and 'd' for the responder's,
 * after a '^' when the port heuristic made the first datagram's receiver the originator.
 */
final class UdpStates {
  private UdpStates() {}

  /** {@code conn_state()} in Zeek's conn/main.zeek for UDP. */
  static String connState(boolean clientSent, boolean serverSent) {
    if (clientSent) {
      return serverSent ? "SF" : "S0";
    }
    return serverSent ? "SHR" : "OTH";
  }

  static String history(boolean clientSentFirst, boolean clientSent, boolean serverSent) {
    if (clientSentFirst) {
      return serverSent ? "Dd" : "D";
    }
    return clientSent ? "^dD" : "^d";
  }
}
