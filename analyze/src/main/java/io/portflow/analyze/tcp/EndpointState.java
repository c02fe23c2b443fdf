package io.portflow.analyze.tcp;

/**
 * State of one end of a TCP connection, as Zeek's {@code TCP_Endpoint} keeps it. The codes are
 * Zeek's {@code TCP_INACTIVE} ... {@code TCP_RESET} constants from {@code init-bare.zeek}.
 */
public enum EndpointState {
  /** Nothing seen from this side yet. */
  INACTIVE(0),
  /** Sent a SYN, not yet answered. */
  SYN_SENT(1),
  /** Sent a SYN+ACK without a SYN from the other side having been seen. */
  SYN_ACK_SENT(2),
  /** Sent data (or an ACK) but no SYN: the connection was picked up mid-stream. */
  PARTIAL(3),
  /** Handshake completed. */
  ESTABLISHED(4),
  /** Sent a FIN. */
  CLOSED(5),
  /** Sent a RST. */
  RESET(6);

  private final int code;

  EndpointState(int code) {
    this.code = code;
  }

  /** Zeek's numeric value of this state. */
  public int code() {
    return code;
  }

  boolean inactiveOrPartial() {
    return this == INACTIVE || this == PARTIAL;
  }
}
