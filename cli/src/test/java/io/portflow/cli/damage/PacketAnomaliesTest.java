package io.portflow.cli.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad header fields inside the frames of a real capture: each becomes a named count in the summary's
 * anomalies, the rest of the capture is analyzed as usual, and the run ends normally.
 */
class PacketAnomaliesTest {
  /** Every frame: Ethernet (14), an 802.1Q tag (4), IPv4 (20, no options), TCP. */
  private static final int IP = 18;
  private static final int TCP = IP + 20;

  @TempDir Path dir;

  @Test
  void badHeaderFields_areNamedAnomalyCounts_exitZero() throws IOException {
    byte[] pcap = CaptureEdits.sample("vlan-aerospike.pcap");
    byte[] edited = CaptureEdits.editFrames(pcap, (i, frame) -> {
      byte[] f = frame.clone();
      switch (i) {
        case 0:  // the first SYN: window scale option claims 48 bytes (MSS before it still counts)
          f[TCP + 20 + 6] = 0x30;
          return f;
        case 3:
          f[IP] = 0x44;  // IHL 4: 16 bytes, less than the fixed header
          return f;
        case 4:
          f[IP + 2] = 0;
          f[IP + 3] = 10;  // total length 10, less than the header
          return f;
        case 5:
          f[IP] = 0x75;  // IP version 7
          return f;
        case 6:
          f[TCP + 12] = (byte) 0xf0;  // data offset 60 bytes, more than the IP payload
          return f;
        case 7:
          return Arrays.copyOf(f, TCP + 10);  // captured bytes end inside the TCP header
        case 8:
          return Arrays.copyOf(f, 16);  // ... inside the VLAN tag
        default:
          return f;
      }
    });
    Path file = Files.write(dir.resolve("edited.pcap"), edited);
    Analyze run = Analyze.run("--threads", "1", "--format", "json", file.toString());
    assertEquals(run, Analyze.run("--threads", "2", "--format", "json", file.toString()), "the same on two threads");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    JsonNode summary = new ObjectMapper().readTree(run.out()).get("summary");
    Map<String, Long> anomalies = new TreeMap<>();
    summary.get("anomalies").fields().forEachRemaining(e -> anomalies.put(e.getKey(), e.getValue().asLong()));
    assertEquals(Map.of(
        "bad-tcp-option-length", 1L,
        "bad-ipv4-header-length", 1L,
        "bad-ipv4-total-length", 1L,
        "bad-ip-version", 1L,
        "bad-tcp-header-length", 1L,
        "truncated-tcp-header", 1L,
        "truncated-link-header", 1L), anomalies);
    assertEquals(21, summary.get("packets").asLong());
    assertEquals(21 - 6, summary.get("tcp_packets").asLong(), "the frame with the bad option still counts");
    assertEquals(2, summary.get("flows").asLong());
    assertEquals(1460, new ObjectMapper().readTree(run.out()).get("flows").get(0).get("client_to_server")
        .get("mss").asInt());
    assertEquals("null", summary.get("error").toString());
  }
}
