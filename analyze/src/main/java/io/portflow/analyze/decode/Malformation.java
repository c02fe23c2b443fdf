package io.portflow.analyze.decode;

/**
 * A malformed part of a frame that still became a packet of a flow: the decoder stopped reading the
 * part where its length field ran past its header and went on with what it had. Counted by name in
 * the summary's anomalies, next to the skip reasons that are anomalies.
 */
public enum Malformation {
  /** A TCP option (read from SYNs only) with a length below 2 or past the end of the TCP header. */
  BAD_TCP_OPTION_LENGTH("bad-tcp-option-length"),
  /** An IPv4 option with a length below 2 or past the end of the IPv4 header. */
  BAD_IPV4_OPTION_LENGTH("bad-ipv4-option-length");

  private final String label;

  Malformation(String label) {
    this.label = label;
  }

  /** The name in the summary, e.g. {@code bad-tcp-option-length}. */
  public String label() {
    return label;
  }

  /** This malformation's bit in {@link Segment#malformations()}. */
  public int bit() {
    return 1 << ordinal();
  }
}
