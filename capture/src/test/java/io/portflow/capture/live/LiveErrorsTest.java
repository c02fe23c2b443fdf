package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real libpcap 1.10 messages (taken from tcpdump and pcap4j) in, one user-facing line out. */
class LiveErrorsTest {
  private static final List<String> KNOWN = List.of("eth0", "lo", "any");

  @Test
  void permissionDenied_tellsSudoOrSetcap() {
    CaptureException e = LiveErrors.openFailed("eth0", LiveErrors.PCAP_ERROR_PERM_DENIED,
        "eth0: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)",
        KNOWN, null);
    assertEquals(Kind.PERMISSION_DENIED, e.kind());
    String java = ProcessHandle.current().info().command().orElseThrow();
    assertEquals("permission denied capturing on eth0: run with sudo, or grant the capabilities with"
        + " sudo setcap cap_net_raw,cap_net_admin=eip " + java + " (README: capture without sudo)", e.getMessage());
  }

  @Test
  void promiscuousPermissionDenied_isAPermissionError() {
    CaptureException e = LiveErrors.openFailed("eth0", LiveErrors.PCAP_ERROR_PROMISC_PERM_DENIED,
        "eth0: You don't have permission to capture in promiscuous mode", KNOWN, null);
    assertEquals(Kind.PERMISSION_DENIED, e.kind());
  }

  @Test
  void permissionDenied_recognisedByErrnoTextWithoutCode() {
    CaptureException e = LiveErrors.openFailed("eth0", null, "socket: Operation not permitted", KNOWN, null);
    assertEquals(Kind.PERMISSION_DENIED, e.kind());
  }

  @Test
  void noSuchDevice_listsTheInterfaces() {
    CaptureException e = LiveErrors.openFailed("eht0", LiveErrors.PCAP_ERROR_NO_SUCH_DEVICE,
        "eht0: No such device exists\n(No such device exists)", KNOWN, null);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals("no such interface: eht0 (interfaces here: eth0, lo, any; see portflow interfaces)", e.getMessage());
  }

  @Test
  void noSuchDevice_withoutAList() {
    CaptureException e = LiveErrors.openFailed("eht0", LiveErrors.PCAP_ERROR_NO_SUCH_DEVICE, "", List.of(), null);
    assertEquals("no such interface: eht0 (libpcap lists none; see portflow interfaces)", e.getMessage());
  }

  @Test
  void interfaceDown_saysHowToBringItUp() {
    CaptureException e = LiveErrors.openFailed("veth1", LiveErrors.PCAP_ERROR_IFACE_NOT_UP,
        "veth1: That device is not up", KNOWN, null);
    assertEquals("interface veth1 is down: bring it up first (ip link set veth1 up)", e.getMessage());
  }

  @Test
  void otherFailure_keepsLibpcapsReasonOnOneLine() {
    RuntimeException cause = new RuntimeException();
    CaptureException e = LiveErrors.openFailed("can0", LiveErrors.PCAP_ERROR_CAPTURE_NOTSUP,
        "can0: That device doesn't support\ncapture", KNOWN, cause);
    assertEquals("cannot capture on can0: That device doesn't support capture", e.getMessage());
    assertSame(cause, e.getCause());
  }

  @Test
  void badFilter_stripsPcap4jsWordsAndQuotesTheExpression() {
    CaptureException e = LiveErrors.badFilter("tcp prot 80",
        "Error occurred in pcap_compile: can't parse filter expression: syntax error", null);
    assertEquals(Kind.BAD_FILTER, e.kind());
    assertEquals("bad filter \"tcp prot 80\": can't parse filter expression: syntax error", e.getMessage());
  }

  @Test
  void badFilter_olderPcap4jSpelling() {
    CaptureException e = LiveErrors.badFilter("ip broadcast",
        "Error occured in pcap_compile: netmask not known, so 'ip broadcast' not supported", null);
    assertEquals("bad filter \"ip broadcast\": netmask not known, so 'ip broadcast' not supported", e.getMessage());
  }

  @Test
  void readFailure_countsWhatWasRead() {
    CaptureException e = LiveErrors.readFailed("veth0", 1234, "Error occurred: The interface disappeared", null);
    assertEquals(Kind.DAMAGED, e.kind());
    assertEquals("capture on veth0 failed after 1234 frames: The interface disappeared", e.getMessage());
  }

  @Test
  void oneLine_handlesNothing() {
    assertEquals("no reason given", LiveErrors.oneLine(null));
    assertEquals("no reason given", LiveErrors.oneLine("  \n"));
    assertEquals("a b", LiveErrors.oneLine(" a \r\n  b \n"));
  }
}
