package io.portflow.capture.pcapng;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.portflow.capture.testing.FuzzedCapture;
import java.io.IOException;

/**
 * Jazzer target for the pcapng reader: any bytes, read as a capture file is read. In a normal test
 * run it replays {@code PcapngReaderFuzzTestInputs/anyBytes/} (seeds cut from the test captures,
 * and every input a campaign found); {@code scripts/fuzz pcapng MINUTES} fuzzes it.
 */
class PcapngReaderFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void anyBytes(byte[] input) throws IOException {
    if (!FuzzedCapture.isPcapng(input)) {
      return;  // the pcap target covers the other magics and gzip
    }
    FuzzedCapture.read(input);
  }
}
