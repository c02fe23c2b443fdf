package io.portflow.analyze.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one decoder over test frames and states what it must have found. */
final class Decoding {
  final PacketDecoder decoder = new PacketDecoder();
  private long clock = 1_000_000_000L;

  /** Decodes a frame that must carry a TCP segment; returns the segment. */
  Segment tcp(int linkType, byte[] frame) {
    return tcp(linkType, frame, frame.length);
  }

  Segment tcp(int linkType, byte[] frame, int wireLength) {
    boolean found = decoder.decode(linkType, frame, 0, frame.length, wireLength, clock++);
    assertTrue(found, () -> "expected a TCP segment, but skipped: " + decoder.skipReason());
    assertEquals(Segment.TCP, decoder.segment().protocol(), "expected TCP, found UDP");
    return decoder.segment();
  }

  /** Decodes a frame that must carry a UDP datagram; returns it. */
  Segment udp(int linkType, byte[] frame) {
    boolean found = decoder.decode(linkType, frame, 0, frame.length, frame.length, clock++);
    assertTrue(found, () -> "expected a UDP datagram, but skipped: " + decoder.skipReason());
    assertEquals(Segment.UDP, decoder.segment().protocol(), "expected UDP, found TCP");
    return decoder.segment();
  }

  /** Decodes a frame that must be skipped; returns the reason. */
  SkipReason skip(int linkType, byte[] frame) {
    return skip(linkType, frame, frame.length, frame.length);
  }

  SkipReason skip(int linkType, byte[] frame, int capturedLength, int wireLength) {
    boolean found = decoder.decode(linkType, frame, 0, capturedLength, wireLength, clock++);
    assertFalse(found, "expected the frame to be skipped");
    return decoder.skipReason();
  }

  void advance(long nanos) {
    clock += nanos;
  }

  static void assertPorts(Segment segment, int srcPort, int dstPort) {
    assertEquals(srcPort, segment.srcPort(), "source port");
    assertEquals(dstPort, segment.dstPort(), "destination port");
  }

  static void assertIpv4(Segment segment, String src, String dst) {
    assertEquals(4, segment.ipVersion(), "IP version");
    assertEquals(src, IpText.format(4, segment.srcHi(), segment.srcLo()), "source");
    assertEquals(dst, IpText.format(4, segment.dstHi(), segment.dstLo()), "destination");
  }

  static void assertIpv6(Segment segment, String src, String dst) {
    assertEquals(6, segment.ipVersion(), "IP version");
    assertEquals(src, IpText.format(6, segment.srcHi(), segment.srcLo()), "source");
    assertEquals(dst, IpText.format(6, segment.dstHi(), segment.dstLo()), "destination");
  }
}
