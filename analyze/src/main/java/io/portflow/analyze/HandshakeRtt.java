package io.portflow.analyze;

/**
 * The TCP handshake's round-trip times as seen where the capture was taken. Each is -1 ({@link
 * #UNKNOWN}) when its packets were not both seen.
 *
 * @param synToSynAckNanos from the SYN to the SYN+ACK answering it: the path from the capture point
 *     to the server and back (the last SYN before the answer, so a retransmission adds no timeout)
 * @param synAckToAckNanos from the SYN+ACK to the client's ACK completing the handshake: the path
 *     to the client and back
 */
public record HandshakeRtt(long synToSynAckNanos, long synAckToAckNanos) {
  public static final long UNKNOWN = -1;

  public boolean hasSynToSynAck() {
    return synToSynAckNanos != UNKNOWN;
  }

  public boolean hasSynAckToAck() {
    return synAckToAckNanos != UNKNOWN;
  }
}
