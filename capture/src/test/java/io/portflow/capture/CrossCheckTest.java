package io.portflow.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.capture.libpcap.Libpcap;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.ReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our reader and libpcap's on every fixture: the same frames (timestamps, link types, captured and
 * wire lengths, bytes) and the same end. Where libpcap cannot read a fixture the reason is named
 * here, and the test checks that libpcap indeed fails (or differs) that way while our reader reads
 * every frame.
 */
class CrossCheckTest {
  /** Fixture -> the text libpcap's failure must contain, and why it fails. */
  private static final Map<String, String> LIBPCAP_FAILS = Map.of(
      "dns_tcp.pcap.gz", "libpcap cannot read gzip-compressed captures",
      "pcapng-example.pcapng", "an interface has a type 113 different from the type of the first interface",
      "test901-le.pcapng", "unknown pcapng savefile major version number 2",  // we skip that section
      "test901-be.pcapng", "unknown pcapng savefile major version number 2",
      "timestamp_invalid_nano.pcap", "pcap4j cannot represent its timestamp");  // ns field >= 10^9

  /** Fixtures libpcap reads with different timestamps: it takes the 32-bit seconds as signed. */
  private static final Map<String, Integer> SIGNED_SECONDS = Map.of("y2038-bgp.pcap", 1);

  @TestFactory
  Stream<DynamicTest> bothReadersAgree() {
    assumeTrue(Libpcap.isAvailable(), "libpcap is not installed (apt-get install libpcap0.8)");
    return Captures.allResources().stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws Exception {
    String name = file.getFileName().toString();
    ReadResult ours = Captures.read(file);
    if (LIBPCAP_FAILS.containsKey(name)) {
      assertEquals(null, ours.error(), "our reader reads " + name + " to the end");
      CaptureException libpcapError = libpcapError(file);
      assertNotNull(libpcapError, "libpcap was expected to fail on " + name);
      assertTrue(libpcapError.getMessage().contains(LIBPCAP_FAILS.get(name)), libpcapError.getMessage());
      return;
    }
    ReadResult libpcap = Captures.read(List.of(file), ReaderKind.LIBPCAP, null);
    assertEquals(ours.frames().size(), libpcap.frames().size(), "frame count of " + name);
    assertEquals(ours.inputs(), libpcap.inputs(), "inputs of " + name);
    int differentTimestamps = 0;
    for (int i = 0; i < ours.frames().size(); i++) {
      var a = ours.frames().get(i);
      var b = libpcap.frames().get(i);
      if (a.timestampNanos() != b.timestampNanos()) {
        differentTimestamps++;
        assertEquals(a, new io.portflow.capture.testing.Frame(a.timestampNanos(), b.linkType(),
            b.capturedLength(), b.wireLength(), b.hex()), "frame " + (i + 1) + " of " + name);
        assertEquals(a.timestampNanos() - (1L << 32) * 1_000_000_000L, b.timestampNanos(),
            "frame " + (i + 1) + " of " + name + ": only the sign of the seconds may differ");
      } else {
        assertEquals(a, b, "frame " + (i + 1) + " of " + name);
      }
    }
    assertEquals(SIGNED_SECONDS.getOrDefault(name, 0), differentTimestamps, "frames with other timestamps in " + name);
    assertEquals(ours.error() == null, libpcap.error() == null, "both end cleanly, or both fail: " + name);
    if (ours.error() != null) {
      assertEquals(ours.error().kind(), libpcap.error().kind());
      assertNotEquals(ours.error().getMessage(), libpcap.error().getMessage());
    }
  }

  private static CaptureException libpcapError(Path file) {
    try {
      return Captures.read(List.of(file), ReaderKind.LIBPCAP, null).error();
    } catch (CaptureException e) {
      return e;
    }
  }

  @org.junit.jupiter.api.Test
  void knownFailures_areFixtures() {
    for (String name : LIBPCAP_FAILS.keySet()) {
      assertTrue(Captures.resource(name).toFile().isFile(), name);
    }
    assertThrows(IllegalArgumentException.class, () -> Captures.resource("no-such-fixture.pcap"));
  }
}
