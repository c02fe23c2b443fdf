package io.portflow.analyze.decode;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.testing.Frames;
import org.junit.jupiter.api.Test;

class TcpHeaderTest {
  private final Decoding decoding = new Decoding();

  @Test
  void fields_unsignedSequenceNumbersAndTwelveFlagBits() {
    byte[] header = tcp(65535, 1, 0xfffffffeL, 0x80000000L, SYN | ACK, 0);
    header[12] |= 0x01; // the old NS / AccECN bit
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().build(header));
    assertEquals(65535, segment.srcPort());
    assertEquals(1, segment.dstPort());
    assertEquals(0xfffffffe, segment.seq());
    assertEquals(0x80000000, segment.ack());
    assertEquals(0x100 | SYN | ACK, segment.flags());
    assertEquals(0xffff, segment.window());
    assertTrue(segment.isSynAck());
    assertFalse(segment.isBareSyn());
  }

  @Test
  void options_countAsHeaderNotPayload() {
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().build(tcp(1, 2, 3, 4, ACK, 60, 17)));
    assertEquals(17, segment.payloadLength());
  }

  @Test
  void dataOffsetBelowFiveIsBad() {
    byte[] header = tcp(1, 2, 3, 4, ACK, 10);
    header[12] = 0x40;
    assertEquals(SkipReason.BAD_TCP_HEADER_LENGTH, decoding.skip(LinkTypes.RAW, ipv4().build(header)));
  }

  @Test
  void dataOffsetBeyondTheIpPayloadIsBad() {
    byte[] header = tcp(1, 2, 3, 4, FIN, 0);
    header[12] = (byte) 0xf0; // 60 bytes claimed, 20 present
    assertEquals(SkipReason.BAD_TCP_HEADER_LENGTH, decoding.skip(LinkTypes.RAW, ipv4().build(header)));
  }

  @Test
  void optionsCutByTheSnaplenAreTruncated() {
    // zeek tcp/truncated-header.pcap frame 1: a 40-byte SYN header with 34 bytes captured.
    byte[] frame = ethernet(0x0800, ipv4().build(tcp(60827, 25, 1, 0, SYN, 40, 0)));
    assertEquals(SkipReason.TRUNCATED_TCP_HEADER,
        decoding.skip(LinkTypes.ETHERNET, frame, 14 + 20 + 34, frame.length));
  }

  @Test
  void fixedHeaderCutByTheSnaplenIsTruncated() {
    byte[] packet = ipv4().build(tcp(1, 2, 3, 4, ACK, 0));
    assertEquals(SkipReason.TRUNCATED_TCP_HEADER, decoding.skip(LinkTypes.RAW, packet, 20 + 13, packet.length));
  }

  @Test
  void ipPayloadShorterThanAHeaderIsTruncated() {
    byte[] header = tcp(1, 2, 3, 4, ACK, 0);
    assertEquals(SkipReason.TRUNCATED_TCP_HEADER,
        decoding.skip(LinkTypes.RAW, ipv4().totalLength(20 + 12).build(header)));
  }

  @Test
  void everyLengthFieldLyingAtOnce() {
    // IHL 6 with 4 bytes of garbage options, total length far beyond the frame, data offset 15.
    byte[] header = tcp(1, 2, 3, 4, ACK, 0);
    header[12] = (byte) 0xf0;
    byte[] packet = ipv4().options(new byte[] {(byte) 0xff, 0x00, 0x00, 0x00}).totalLength(65535).build(header);
    assertEquals(SkipReason.BAD_TCP_HEADER_LENGTH, decoding.skip(LinkTypes.RAW, packet));
  }

  /** A SYN whose 20 option bytes are {@code options}, padded with end-of-options. */
  private static byte[] synWithOptions(int flags, String options) {
    byte[] header = tcp(40000, 80, 1, 0, flags, 40, 0);
    byte[] bytes = Frames.hex(options);
    java.util.Arrays.fill(header, 20, 40, (byte) 0);
    System.arraycopy(bytes, 0, header, 20, bytes.length);
    return header;
  }

  @Test
  void options_mssWindowScaleAndSackFromASyn() {
    // Linux's SYN: MSS 1460, SACK permitted, timestamps, NOP, window scale 7.
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN,
        "02 04 05 b4 | 04 02 | 08 0a 00 00 00 01 00 00 00 00 | 01 | 03 03 07")));
    assertEquals(1460, segment.mss());
    assertEquals(7, segment.windowScale());
    assertTrue(segment.sackPermitted());
  }

  @Test
  void options_synAckToo() {
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN | ACK, "02 04 23 28")));
    assertEquals(9000, segment.mss());
    assertEquals(-1, segment.windowScale());
    assertFalse(segment.sackPermitted());
  }

  @Test
  void options_notReadFromOtherSegments() {
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN, "02 04 05 b4")));
    assertEquals(1460, segment.mss());
    segment = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(ACK, "02 04 05 b4 03 03 07")));
    assertEquals(-1, segment.mss(), "the previous frame's options do not stick");
    assertEquals(-1, segment.windowScale());
  }

  @Test
  void options_walkStopsAtABrokenLength() {
    // A zero length would loop for ever; a length past the header would read beyond it.
    Segment zero = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN, "03 03 05 | 08 00 | 02 04 05 b4")));
    assertEquals(5, zero.windowScale());
    assertEquals(-1, zero.mss());
    assertEquals(Malformation.BAD_TCP_OPTION_LENGTH.bit(), zero.malformations());
    Segment past = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN, "01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 | 02 05 05 b4")));
    assertEquals(-1, past.mss());
    assertEquals(Malformation.BAD_TCP_OPTION_LENGTH.bit(), past.malformations());
    Segment short_ = decoding.tcp(LinkTypes.RAW, ipv4().build(synWithOptions(SYN, "02 03 05 | 03 02 | 02 04 01 00")));
    assertEquals(256, short_.mss(), "an MSS option of length 3 and a window scale of length 2 are skipped");
    assertEquals(-1, short_.windowScale());
    assertEquals(0, short_.malformations(), "too short for a value, but the lengths are right");
  }

  @Test
  void capturedPayload_isWhatTheSnaplenKept() {
    byte[] packet = ipv4().build(tcp(1, 2, 3, 4, ACK, 100));
    Segment whole = decoding.tcp(LinkTypes.RAW, packet);
    assertEquals(100, whole.capturedPayloadLength());
    boolean found = decoding.decoder.decode(LinkTypes.RAW, packet, 0, 20 + 20 + 30, packet.length, 5);
    assertTrue(found);
    assertEquals(100, decoding.decoder.segment().payloadLength());
    assertEquals(30, decoding.decoder.segment().capturedPayloadLength());
  }
}
