package io.portflow.analyze.decode;

/**
 * Why a frame did not become a packet of a TCP flow. The label is the key of the summary's
 * {@code skipped} map.
 */
public enum SkipReason {
  /**
   * A link type the decoder does not know. The summary names it with the number, as
   * {@code unknown-link-type-147}.
   */
  UNKNOWN_LINK_TYPE("unknown-link-type"),
  /** ARP or RARP. */
  ARP("arp"),
  /**
   * A link-layer payload that is not IP (LLDP, STP, PPP control protocols, MPLS pseudowires, an
   * NFLOG record without a packet, ...).
   */
  NON_IP("non-ip"),
  /** UDP, except VXLAN and Geneve, whose inner frames are decoded. */
  UDP("udp"),
  /** ICMP, including errors that quote a TCP header: those are not packets of the quoted flow. */
  ICMP("icmp"),
  ICMPV6("icmpv6"),
  /**
   * An IP protocol other than TCP, UDP, ICMP and the tunnels the decoder opens (ESP, SCTP, IGMP, no
   * next header, GRE with source routing, ...).
   */
  OTHER_IP_PROTOCOL("other-ip-protocol"),
  /** The captured bytes end inside the link-layer header (Ethernet, VLAN tag, SLL, MPLS, PPPoE, ...). */
  TRUNCATED_LINK_HEADER("truncated-link-header"),
  /** The IP version nibble is neither 4 nor 6. */
  BAD_IP_VERSION("bad-ip-version"),
  TRUNCATED_IPV4_HEADER("truncated-ipv4-header"),
  /** IPv4 IHL below 5. */
  BAD_IPV4_HEADER_LENGTH("bad-ipv4-header-length"),
  /** IPv4 total length smaller than the header. */
  BAD_IPV4_TOTAL_LENGTH("bad-ipv4-total-length"),
  TRUNCATED_IPV6_HEADER("truncated-ipv6-header"),
  /** An IPv6 extension header cut by the capture or running past the payload, or too many of them. */
  BAD_IPV6_EXTENSION_HEADER("bad-ipv6-extension-header"),
  /** A GRE, ERSPAN, VXLAN or Geneve header cut by the capture. */
  TRUNCATED_TUNNEL_HEADER("truncated-tunnel-header"),
  /** Tunnels nested deeper than the decoder follows. */
  TUNNEL_TOO_DEEP("tunnel-too-deep"),
  /**
   * An IPv4 fragment that did not complete a TCP datagram: a fragment still waiting, a leftover, a
   * late duplicate, or a fragment of another protocol.
   */
  IPV4_FRAGMENT("ipv4-fragment"),
  /** As {@link #IPV4_FRAGMENT}, for the IPv6 fragment header. */
  IPV6_FRAGMENT("ipv6-fragment"),
  /** The captured bytes or the IP payload end inside the TCP header. */
  TRUNCATED_TCP_HEADER("truncated-tcp-header"),
  /** TCP data offset below 5, or a header longer than the IP payload. */
  BAD_TCP_HEADER_LENGTH("bad-tcp-header-length");

  private final String label;

  SkipReason(String label) {
    this.label = label;
  }

  /** The name in the summary, e.g. {@code truncated-tcp-header}. */
  public String label() {
    return label;
  }
}
