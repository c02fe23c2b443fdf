package io.portflow.capture.format;

/**
 * What libpcap assumes about link types, so our reader accepts and rejects the same records:
 * the largest sane captured length per link type ({@code max_snaplen_for_dlt}), the snapshot
 * length a file's header really means ({@code pcap_adjust_snapshot}), and the few LINKTYPE_
 * values whose Linux DLT_ value differs ({@code linktype_to_dlt} / {@code dlt_to_linktype}).
 */
public final class LinkTypeRules {
  /** libpcap's MAXIMUM_SNAPLEN: no ordinary frame is captured longer. */
  public static final int MAXIMUM_SNAPLEN = 0x40000;

  private static final int LINKTYPE_DBUS = 231;
  private static final int LINKTYPE_USBPCAP = 249;
  private static final int LINKTYPE_EBHSCR = 279;

  /** LINKTYPE_ values (left) whose DLT_ value on Linux (right) is different. */
  private static final int[][] LINKTYPE_TO_DLT = {
    {100, 11}, // ATM_RFC1483
    {101, 12}, // RAW
    {102, 15}, // SLIP_BSDOS
    {103, 16}, // PPP_BSDOS
    {106, 19}, // ATM_CLIP
  };

  private LinkTypeRules() {}

  /** The largest captured length libpcap accepts for {@code linkType}. */
  public static int maxSnaplen(int linkType) {
    switch (linkType) {
      case LINKTYPE_DBUS:
        return 128 * 1024 * 1024;
      case LINKTYPE_EBHSCR:
        return 8 * 1024 * 1024;
      case LINKTYPE_USBPCAP:
        return 1024 * 1024;
      default:
        return MAXIMUM_SNAPLEN;
    }
  }

  /** A header's snapshot length as libpcap uses it: 0 or anything above the maximum means the maximum. */
  public static int snapshot(int linkType, long snaplen) {
    int max = maxSnaplen(linkType);
    return snaplen <= 0 || snaplen > max ? max : (int) snaplen;
  }

  /** The LINKTYPE_ value for a Linux DLT_ value, as {@code pcap_datalink()} reports it. */
  public static int fromDlt(int dlt) {
    for (int[] pair : LINKTYPE_TO_DLT) {
      if (pair[1] == dlt) {
        return pair[0];
      }
    }
    return dlt;
  }

  /** The Linux DLT_ value for a LINKTYPE_ value, as {@code pcap_open_dead()} wants it. */
  public static int toDlt(int linkType) {
    for (int[] pair : LINKTYPE_TO_DLT) {
      if (pair[0] == linkType) {
        return pair[1];
      }
    }
    return linkType;
  }

  /**
   * The LINKTYPE_ value a file's link-type field means. Old writers stored DLT_ values (12 for
   * raw IP); libpcap maps those the same way, so both readers report the same number.
   */
  public static int canonical(int fileValue) {
    return fromDlt(fileValue);
  }
}
