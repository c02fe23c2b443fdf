package io.portflow.analyze;

/** Which rule decided who is the client. */
public enum RoleSource {
  /** The client sent a bare SYN. */
  SYN("syn"),
  /** No bare SYN seen; the server sent a SYN+ACK. */
  SYN_ACK("syn-ack"),
  /** No handshake seen; the port heuristic decided. */
  PORT("port"),
  /**
   * UDP, when the ports do not tell (both or neither a service port): the sender of the flow's
   * first datagram is the client, as Zeek decides.
   */
  FIRST_PACKET("first-packet");

  private final String label;

  RoleSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
