package io.portflow.capture.libpcap;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import java.nio.file.Path;
import java.util.Optional;
import org.pcap4j.core.Pcaps;

/**
 * The one place that loads libpcap. Everything that touches a pcap4j class with native methods
 * (file reading, BPF compilation, live capture) calls {@link #require()} first: it points pcap4j
 * at the versioned library when only that exists, and turns "no libpcap" into one line that says
 * how to install it.
 */
public final class Libpcap {
  /** pcap4j reads the library name from this system property when its native mappings load. */
  public static final String LIBRARY_NAME_PROPERTY = "org.pcap4j.core.pcapLibName";

  /** The message of a {@link Kind#LIBPCAP_MISSING} failure: what to install, per distribution. */
  public static final String INSTALL_HINT =
      "libpcap is not installed; install it with 'apt-get install libpcap0.8' (Debian/Ubuntu)"
          + " or 'dnf install libpcap' (Fedora)";

  /** null until the first attempt; then the version string, or the failure to report. */
  private static String version;
  private static CaptureException missing;

  private Libpcap() {}

  /**
   * Loads libpcap once per JVM.
   *
   * @return libpcap's version string, e.g. "libpcap version 1.10.3 (with TPACKET_V3)"
   * @throws CaptureException LIBPCAP_MISSING when it cannot be loaded
   */
  public static synchronized String require() throws CaptureException {
    if (version == null && missing == null) {
      load();
    }
    if (missing != null) {
      throw new CaptureException(missing.kind(), missing.getMessage(), missing.getCause());
    }
    return version;
  }

  /** True when libpcap loads; for tests and features that are optional. */
  public static boolean isAvailable() {
    try {
      require();
      return true;
    } catch (CaptureException e) {
      return false;
    }
  }

  private static void load() {
    if (System.getProperty(LIBRARY_NAME_PROPERTY) == null) {
      Optional<Path> versioned = LibpcapLocator.versionedLibrary(LibpcapLocator.commonDirectories());
      versioned.ifPresent(path -> System.setProperty(LIBRARY_NAME_PROPERTY, path.toString()));
    }
    try {
      version = Pcaps.libVersion();
    } catch (LinkageError | RuntimeException e) {
      missing = new CaptureException(Kind.LIBPCAP_MISSING, INSTALL_HINT, e);
    }
  }
}
