package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import org.pcap4j.core.Pcaps;

/**
 * First touch of libpcap. pcap4j binds the native library in a static initializer: a missing
 * libpcap surfaces as an {@link UnsatisfiedLinkError} the first time and a {@link
 * NoClassDefFoundError} afterwards; both become one {@link Kind#LIBPCAP_MISSING} line.
 */
final class PcapLoader {
  static final String INSTALL_HINT =
      "libpcap is not installed, and live capture needs it:"
          + " install it (Debian/Ubuntu: sudo apt-get install libpcap0.8;"
          + " Fedora/RHEL: sudo dnf install libpcap; Alpine: apk add libpcap)";

  private PcapLoader() {}

  /** libpcap's {@code pcap_lib_version()}, e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
  static String libVersion() throws CaptureException {
    try {
      return Pcaps.libVersion();
    } catch (LinkageError e) {
      throw missing(e);
    }
  }

  static CaptureException missing(Throwable cause) {
    return new CaptureException(Kind.LIBPCAP_MISSING, INSTALL_HINT, cause);
  }
}
