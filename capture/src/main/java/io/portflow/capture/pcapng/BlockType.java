package io.portflow.capture.pcapng;

/** pcapng block type codes this reader acts on; every other block is skipped. */
final class BlockType {
  /** Section Header Block; the same bytes in either byte order (\n\r\r\n). */
  static final int SECTION_HEADER = 0x0a0d0d0a;
  static final int INTERFACE_DESCRIPTION = 0x00000001;
  /** Obsolete Packet Block, still written by old tools. */
  static final int PACKET = 0x00000002;
  static final int SIMPLE_PACKET = 0x00000003;
  static final int ENHANCED_PACKET = 0x00000006;

  /** Byte-order magic, read big-endian: 0x1a2b3c4d in a big-endian section, reversed in a little-endian one. */
  static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;

  private BlockType() {}

  static boolean isPacket(int type) {
    return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == PACKET;
  }

  static String name(int type) {
    switch (type) {
      case SECTION_HEADER:
        return "section header block";
      case INTERFACE_DESCRIPTION:
        return "interface description block";
      case PACKET:
        return "packet block";
      case SIMPLE_PACKET:
        return "simple packet block";
      case ENHANCED_PACKET:
        return "enhanced packet block";
      default:
        return "block";
    }
  }
}
