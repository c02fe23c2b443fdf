package io.portflow.analyze.decode;

/**
 * Why a frame did not become a packet of a flow. The label is the key of the summary's
 * {@code skipped} map.
 */
public enum SkipReason {
  /**
   * A link type the decoder does not know. The summary names it with the number, as
   * {@code unknown-link-type-147}.
   */
  UNKNOWN_LINK_TYPE("unknown-link-type", true),
  /** ARP or RARP. */
  ARP("arp", false),
  /**
   * A link-layer payload that is not IP (LLDP, STP, PPP control protocols, MPLS pseudowires, an
   * NFLOG record without a packet, ...).
   */
  NON_IP("non-ip", false),
  /**
   * A UDP datagram while UDP flows are not selected (VXLAN, Geneve, GTP-U and GRE-in-UDP are
   * tunnels: their inner packets are decoded).
   */
  UDP("udp", false),
  /** A TCP segment while TCP flows are not selected. */
  TCP("tcp", false),
  /** ICMP, including errors that quote a TCP header: those are not packets of the quoted flow. */
  ICMP("icmp", false),
  ICMPV6("icmpv6", false),
  /**
   * An IP protocol other than TCP, UDP, ICMP and the tunnels the decoder opens (ESP, SCTP, IGMP, no
   * next header, GRE with source routing, ...).
   */
  OTHER_IP_PROTOCOL("other-ip-protocol", false),
  /** The captured bytes end inside the link-layer header (Ethernet, VLAN tag, SLL, MPLS, PPPoE, ...). */
  TRUNCATED_LINK_HEADER("truncated-link-header", true),
  /** The IP version nibble is neither 4 nor 6. */
  BAD_IP_VERSION("bad-ip-version", true),
  TRUNCATED_IPV4_HEADER("truncated-ipv4-header", true),
  /** IPv4 IHL below 5. */
  BAD_IPV4_HEADER_LENGTH("bad-ipv4-header-length", true),
  /** IPv4 total length smaller than the header. */
  BAD_IPV4_TOTAL_LENGTH("bad-ipv4-total-length", true),
  TRUNCATED_IPV6_HEADER("truncated-ipv6-header", true),
  /** An IPv6 extension header cut by the capture or running past the payload, or too many of them. */
  BAD_IPV6_EXTENSION_HEADER("bad-ipv6-extension-header", true),
  /** A GRE, ERSPAN, VXLAN or Geneve header cut by the capture. */
  TRUNCATED_TUNNEL_HEADER("truncated-tunnel-header", true),
  /** Tunnels nested deeper than the decoder follows. */
  TUNNEL_TOO_DEEP("tunnel-too-deep", true),
  /**
   * An IPv4 fragment that did not complete a TCP datagram: a fragment still waiting, a leftover, a
   * late duplicate, or a fragment of another protocol.
   */
  IPV4_FRAGMENT("ipv4-fragment", true),
  /** As {@link #IPV4_FRAGMENT}, for the IPv6 fragment header. */
  IPV6_FRAGMENT("ipv6-fragment", true),
  /** The captured bytes or the IP payload end inside the TCP header. */
  TRUNCATED_TCP_HEADER("truncated-tcp-header", true),
  /** TCP data offset below 5, or a header longer than the IP payload. */
  BAD_TCP_HEADER_LENGTH("bad-tcp-header-length", true),
  /** The captured bytes or the IP payload end inside the 8-byte UDP header. */
  TRUNCATED_UDP_HEADER("truncated-udp-header", true);

  private final String label;
  private final boolean anomaly;

  SkipReason(String label, boolean anomaly) {
    this.label = label;
    this.anomaly = anomaly;
  }

  /**
   * True for a frame that is damaged, cut short or undecodable (truncated or bad headers, unknown
   * link types, fragments that completed nothing); false for one that is simply not a flow's
   * packet (ARP, ICMP, a transport not selected, ...).
   */
  public boolean anomaly() {
    return anomaly;
  }

  /** Whether a key of the summary's {@code skipped} map names an anomaly. */
  public static boolean isAnomaly(String key) {
    if (key.startsWith(UNKNOWN_LINK_TYPE.label + "-")) {
      return true;
    }
    for (SkipReason reason : values()) {
      if (reason.label.equals(key)) {
        return reason.anomaly;
      }
    }
    return false;
  }

  /** The name in the summary, e.g. {@code truncated-tcp-header}. */
  public String label() {
    return label;
  }
}
