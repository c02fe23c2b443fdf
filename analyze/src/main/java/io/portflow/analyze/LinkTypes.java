package io.portflow.analyze;

/**
 * Link-layer header types (tcpdump.org LINKTYPE_ values) and their short stable names, as the
 * capture summary prints them.
 */
public final class LinkTypes {
  /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  /** PPP, with or without the HDLC-like ff 03 prefix; Cisco HDLC framing is accepted too. */
  public static final int PPP = 9;
  /** FDDI, with LLC/SNAP. */
  public static final int FDDI = 10;
  /** Raw IP as some systems write DLT_RAW. */
  public static final int RAW_12 = 12;
  /** Raw IP as OpenBSD writes DLT_RAW. */
  public static final int RAW_14 = 14;
  public static final int RAW = 101;
  public static final int C_HDLC = 104;
  /** OpenBSD loopback: a 4-byte address family in network byte order. */
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  /** Linux netfilter log records. */
  public static final int NFLOG = 239;
  /** IP over InfiniBand (RFC 4391). */
  public static final int IPOIB = 242;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int LINUX_SLL2 = 276;

  private LinkTypes() {}

  /**
   * A short stable name: {@code ethernet}, {@code linux-sll}, {@code linux-sll2}, {@code raw-ip},
   * {@code ipv4}, {@code ipv6}, {@code null}, {@code loop}, {@code ppp}, {@code c-hdlc},
   * {@code fddi}, {@code nflog}, {@code ipoib}, or {@code linktype-NNN} for every other value.
   */
  public static String name(int linkType) {
    switch (linkType) {
      case NULL:
        return "null";
      case ETHERNET:
        return "ethernet";
      case PPP:
        return "ppp";
      case FDDI:
        return "fddi";
      case RAW_12:
      case RAW_14:
      case RAW:
        return "raw-ip";
      case C_HDLC:
        return "c-hdlc";
      case LOOP:
        return "loop";
      case LINUX_SLL:
        return "linux-sll";
      case IPV4:
        return "ipv4";
      case IPV6:
        return "ipv6";
      case LINUX_SLL2:
        return "linux-sll2";
      case NFLOG:
        return "nflog";
      case IPOIB:
        return "ipoib";
      default:
        return "linktype-" + Integer.toUnsignedString(linkType);
    }
  }

  /** True for the link types the analyzer decodes; frames of the others are counted and skipped. */
  public static boolean isSupported(int linkType) {
    switch (linkType) {
      case NULL:
      case ETHERNET:
      case PPP:
      case FDDI:
      case RAW_12:
      case RAW_14:
      case RAW:
      case C_HDLC:
      case LOOP:
      case LINUX_SLL:
      case IPV4:
      case IPV6:
      case LINUX_SLL2:
      case NFLOG:
      case IPOIB:
        return true;
      default:
        return false;
    }
  }
}
