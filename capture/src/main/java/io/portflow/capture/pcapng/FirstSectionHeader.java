package io.portflow.capture.pcapng;

import io.portflow.capture.CaptureException;
import io.portflow.capture.format.CaptureErrors;
import io.portflow.capture.io.Bytes;
import io.portflow.capture.io.ReadBuffer;
import java.io.IOException;

/**
 * The first section header is the file header: problems there mean "not a capture" rather than
 * "damaged", as libpcap's {@code pcap_ng_check_header} decides.
 */
final class FirstSectionHeader {
  /** libpcap's BT_SHB_INSANE_MAX. */
  private static final int MAX_FIRST_SECTION_HEADER = 1024 * 1024;

  private FirstSectionHeader() {}

  /** Checks and consumes the first section header block; returns its byte order. */
  static boolean read(ReadBuffer in, String file) throws IOException {
    if (!in.request(SectionHeader.ORDER_PREFIX)) {
      throw cutOff(in, file, SectionHeader.MIN_BLOCK_SIZE);
    }
    byte[] b = in.array();
    int p = in.position();
    Boolean order = SectionHeader.byteOrder(b, p);
    if (order == null) {
      throw CaptureErrors.notACapture(file, "pcapng section header has byte-order magic "
          + Bytes.hex32(Bytes.magic(b, p + 8)) + " (expected: " + Bytes.hex32(BlockType.BYTE_ORDER_MAGIC)
          + " in either byte order)");
    }
    long total = Bytes.u32(b, p + 4, order);
    if (total < SectionHeader.MIN_BLOCK_SIZE || total > MAX_FIRST_SECTION_HEADER || total % 4 != 0) {
      throw CaptureErrors.notACapture(file, "pcapng section header block length " + total
          + " (expected: a multiple of 4 from " + SectionHeader.MIN_BLOCK_SIZE + " to "
          + MAX_FIRST_SECTION_HEADER + ")");
    }
    if (!in.request((int) total)) {
      throw cutOff(in, file, total);
    }
    b = in.array();
    p = in.position();
    SectionHeader section = SectionHeader.decode(b, p, order);
    if (!section.supported()) {
      throw CaptureErrors.notACapture(file, "unsupported pcapng version " + section.version()
          + " (expected: 1.0 or 1.2)");
    }
    long trailer = Bytes.u32(b, p + (int) total - 4, order);
    if (trailer != total) {
      throw CaptureErrors.notACapture(file, "pcapng section header block trailing length " + trailer
          + " differs from its leading length (expected: " + total + ")");
    }
    in.consume((int) total);
    return order;
  }

  private static CaptureException cutOff(ReadBuffer in, String file, long total) {
    return CaptureErrors.notACapture(file, "pcapng section header block cut off: "
        + in.available() + " of " + total + " bytes present (expected: " + total + ")");
  }
}
