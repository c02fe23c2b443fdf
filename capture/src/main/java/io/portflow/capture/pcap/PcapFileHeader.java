package io.portflow.capture.pcap;

import io.portflow.capture.CaptureException;
import io.portflow.capture.format.CaptureErrors;
import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.io.Bytes;

/**
 * The 24-byte header at the start of a pcap file.
 *
 * @param variant which magic the file has
 * @param bigEndian byte order of every header field in the file
 * @param versionMajor 2 for every file written since 1998 (543 for DG/UX tcpdump)
 * @param versionMinor 4 today; before 2.3 the record's two length fields were the other way round
 * @param snaplen the header's snapshot length, as written (unsigned)
 * @param linkType the LINKTYPE_ value, FCS bits removed and old DLT_ values mapped
 * @param snapshot the snapshot length libpcap enforces, see {@link LinkTypeRules#snapshot}
 */
public record PcapFileHeader(
    PcapVariant variant,
    boolean bigEndian,
    int versionMajor,
    int versionMinor,
    long snaplen,
    int linkType,
    int snapshot) {
  public static final int SIZE = 24;

  /** Low 16 bits: the link type; bits 26-31: FCS information, which frames carry anyway. */
  private static final int LINK_TYPE_MASK = 0x0000ffff;
  /** Bits 16-25 must be zero; newer libpcap and Wireshark refuse files that set them. */
  private static final int RESERVED_MASK = 0x03ff0000;
  private static final int DGUX_VERSION_MAJOR = 543;
  private static final int ETHERNET = 1;
  private static final int ETHERNET_HEADER = 14;

  /**
   * Decodes the header at {@code index}; the caller made {@link #SIZE} bytes available and
   * checked the magic with {@link PcapVariant#of(int)}.
   */
  public static PcapFileHeader decode(String file, byte[] b, int index) throws CaptureException {
    int magic = Bytes.magic(b, index);
    PcapVariant variant = PcapVariant.of(magic);
    if (variant == null) {
      throw new IllegalArgumentException("not a pcap magic: " + Bytes.hex32(magic));
    }
    boolean bigEndian = magic == variant.magic;
    int major = Bytes.u16(b, index + 4, bigEndian);
    int minor = Bytes.u16(b, index + 6, bigEndian);
    if (!(major == 2 && minor <= 4) && !(major == DGUX_VERSION_MAJOR && minor == 0)) {
      throw CaptureErrors.notACapture(
          file, "unsupported pcap version " + major + "." + minor + " (expected: 2.0 to 2.4)");
    }
    long snaplen = Bytes.u32(b, index + 16, bigEndian);
    int field = Bytes.i32(b, index + 20, bigEndian);
    if ((field & RESERVED_MASK) != 0) {
      throw CaptureErrors.notACapture(file, "link-type field " + Bytes.hex32(field)
          + " has reserved bits " + Bytes.hex32(field & RESERVED_MASK) + " set (expected: 0)");
    }
    int linkType = LinkTypeRules.canonical(field & LINK_TYPE_MASK);
    int snapshot = LinkTypeRules.snapshot(linkType, snaplen);
    if (variant == PcapVariant.MODIFIED && linkType == ETHERNET) {
      // libpcap: such files may come from cooked captures that added a fake Ethernet header.
      snapshot = (int) Math.min(Integer.MAX_VALUE, (long) snapshot + ETHERNET_HEADER);
    }
    return new PcapFileHeader(variant, bigEndian, major, minor, snaplen, linkType, snapshot);
  }

  /** Files before 2.3, and DG/UX's, put the original length before the captured length. */
  boolean lengthsSwapped() {
    return versionMajor == DGUX_VERSION_MAJOR || (versionMajor == 2 && versionMinor < 3);
  }

  /** 2.3 files were written both ways; a captured length above the wire length tells. */
  boolean lengthsMaybeSwapped() {
    return versionMajor == 2 && versionMinor == 3;
  }
}
