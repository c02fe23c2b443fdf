package io.portflow.capture.live;

/**
 * libpcap hands out DLT_ values, which differ from the LINKTYPE_ values in files and in {@link
 * io.portflow.capture.FrameHandler} for a few historic types; libpcap's own dlt_to_linktype()
 * maps them the same way when it writes a file.
 */
final class DltMapping {
  private static final int DLT_RAW = 12;
  private static final int DLT_SLIP_BSDOS = 15;
  private static final int DLT_PPP_BSDOS = 16;
  private static final int DLT_ATM_CLIP = 19;
  private static final int LINKTYPE_RAW = 101;
  private static final int LINKTYPE_SLIP_BSDOS = 102;
  private static final int LINKTYPE_PPP_BSDOS = 103;
  private static final int LINKTYPE_ATM_CLIP = 106;

  private DltMapping() {}

  /** The LINKTYPE_ value for a DLT_ value as Linux's libpcap reports it. */
  static int linkType(int dlt) {
    switch (dlt) {
      case DLT_RAW:
        return LINKTYPE_RAW;
      case DLT_SLIP_BSDOS:
        return LINKTYPE_SLIP_BSDOS;
      case DLT_PPP_BSDOS:
        return LINKTYPE_PPP_BSDOS;
      case DLT_ATM_CLIP:
        return LINKTYPE_ATM_CLIP;
      default:
        return dlt;
    }
  }
}
