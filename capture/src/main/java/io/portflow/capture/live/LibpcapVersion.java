package io.portflow.capture.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the release number out of {@code pcap_lib_version()}'s text. */
final class LibpcapVersion {
  private static final Pattern VERSION = Pattern.compile("libpcap version (\\d+)\\.(\\d+)");

  private LibpcapVersion() {}

  /**
   * True when {@code text} (e.g. {@code "libpcap version 1.10.3 (with TPACKET_V3)"}) names a
   * release at least {@code major.minor}; false when it names an older one or none at all.
   */
  static boolean atLeast(String text, int major, int minor) {
    if (text == null) return false;
    Matcher m = VERSION.matcher(text);
    if (!m.find()) return false;
    int actualMajor = Integer.parseInt(m.group(1));
    int actualMinor = Integer.parseInt(m.group(2));
    return actualMajor > major || (actualMajor == major && actualMinor >= minor);
  }
}
