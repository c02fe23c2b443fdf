package io.portflow.capture.pcap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.portflow.capture.testing.FuzzedCapture;
import java.io.IOException;

/**
 * Jazzer target for the pcap reader: any bytes, read as a capture file is read. In a normal test
 * run it replays {@code PcapReaderFuzzTestInputs/anyBytes/} (seeds cut from the test captures, and
 * every input a campaign found); {@code scripts/fuzz pcap MINUTES} fuzzes it.
 */
class PcapReaderFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void anyBytes(byte[] input) throws IOException {
    if (FuzzedCapture.isPcapng(input)) {
      return;  // pcapng has its own target
    }
    FuzzedCapture.read(input);
  }
}
