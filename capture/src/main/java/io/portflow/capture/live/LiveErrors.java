package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns libpcap's status codes and messages into one-line {@link CaptureException}s that say
 * what to do. Pure: the caller supplies the interface names to list.
 */
final class LiveErrors {
  // pcap/pcap.h status codes returned by pcap_activate() and friends.
  static final int PCAP_ERROR = -1;
  static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
  static final int PCAP_ERROR_PERM_DENIED = -8;
  static final int PCAP_ERROR_IFACE_NOT_UP = -9;
  static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
  static final int PCAP_ERROR_CAPTURE_NOTSUP = -13;

  /** What to do without CAP_NET_RAW, naming the java binary this JVM runs from. */
  static String permissionHint() {
    String java = ProcessHandle.current().info().command().orElse("<path of the java binary>");
    return "run with sudo, or grant the capabilities with"
        + " sudo setcap cap_net_raw,cap_net_admin=eip " + java + " (README: capture without sudo)";
  }

  private static final Pattern PCAP4J_PREFIX = Pattern.compile(
      "^(?:Error occurr?ed|Unexpected error occurr?ed|Failed to set filter)(?: in [a-z_()]+)?: ");

  private LiveErrors() {}

  /**
   * The exception for a failed {@code pcap_create}/{@code pcap_activate}.
   *
   * @param returnCode libpcap's status code, or null when pcap4j gave none
   * @param libpcapMessage libpcap's error text (may span lines)
   * @param known names of the interfaces libpcap lists, for the "no such interface" case; may be empty
   */
  static CaptureException openFailed(
      String iface, Integer returnCode, String libpcapMessage, List<String> known, Throwable cause) {
    String detail = oneLine(libpcapMessage);
    int rc = returnCode == null ? PCAP_ERROR : returnCode;
    if (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED || mentionsPermission(detail)) {
      return new CaptureException(Kind.PERMISSION_DENIED,
          "permission denied capturing on " + iface + ": " + permissionHint(), cause);
    }
    if (rc == PCAP_ERROR_NO_SUCH_DEVICE || mentionsNoSuchDevice(detail)) {
      return new CaptureException(Kind.CANNOT_OPEN, noSuchInterface(iface, known), cause);
    }
    if (rc == PCAP_ERROR_IFACE_NOT_UP) {
      return new CaptureException(Kind.CANNOT_OPEN,
          "interface " + iface + " is down: bring it up first (ip link set " + iface + " up)", cause);
    }
    return new CaptureException(Kind.CANNOT_OPEN,
        "cannot capture on " + iface + ": " + stripInterfacePrefix(iface, detail), cause);
  }

  /** "no such interface: eth9 (interfaces here: eth0, lo, any)". */
  static String noSuchInterface(String iface, List<String> known) {
    String list = known.isEmpty() ? "libpcap lists none" : "interfaces here: " + String.join(", ", known);
    return "no such interface: " + iface + " (" + list + "; see portflow interfaces)";
  }

  /** A filter libpcap would not compile, with libpcap's reason and the expression as given. */
  static CaptureException badFilter(String expression, String libpcapMessage, Throwable cause) {
    return new CaptureException(Kind.BAD_FILTER,
        "bad filter \"" + expression + "\": " + stripPcap4jPrefix(oneLine(libpcapMessage)), cause);
  }

  /** The capture broke down after it started: the interface went away, or a read failed. */
  static CaptureException readFailed(String iface, long frames, String libpcapMessage, Throwable cause) {
    return new CaptureException(Kind.DAMAGED,
        "capture on " + iface + " failed after " + frames + " frames: "
            + stripPcap4jPrefix(oneLine(libpcapMessage)), cause);
  }

  /** libpcap messages often carry the errno on a second line: "...device\n(socket: ...)". */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) return "no reason given";
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static boolean mentionsPermission(String detail) {
    String lower = detail.toLowerCase(Locale.ROOT);
    return lower.contains("operation not permitted") || lower.contains("permission");
  }

  private static boolean mentionsNoSuchDevice(String detail) {
    return detail.toLowerCase(Locale.ROOT).contains("no such device");
  }

  /** libpcap starts most messages with "eth0: "; ours already names the interface. */
  private static String stripInterfacePrefix(String iface, String detail) {
    String prefix = iface + ": ";
    return detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail;
  }

  /** pcap4j prefixes libpcap's text with its own words ("Error occurred in pcap_compile: "). */
  private static String stripPcap4jPrefix(String detail) {
    return PCAP4J_PREFIX.matcher(detail).replaceFirst("");
  }
}
