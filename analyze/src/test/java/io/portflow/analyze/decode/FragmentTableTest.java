package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Decoding.assertIpv4;
import static io.portflow.analyze.decode.Decoding.assertPorts;
import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.ipv6;
import static io.portflow.analyze.testing.Frames.ipv6Fragment;
import static io.portflow.analyze.testing.Frames.tcp;
import static io.portflow.analyze.testing.Frames.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.LinkTypes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** IP reassembly as tshark attributes it: the frame that completes the datagram carries the segment. */
class FragmentTableTest {
  // suricata-verify defrag/bug-6887-defrag-ppp-ipv4-tcp-syn: a 24-byte SYN header in three 8-byte
  // fragments over PPP (protocol field compressed to 0x21): 1.1.1.1:12345 -> 2.2.2.2:8080.
  private static final byte[] FIRST = hex("21 45 00 00 1c 00 01 20 00 40 06 54 d6 01 01 01 01 02 02 02 02"
      + "30 39 1f 90 00 00 00 01");
  private static final byte[] MIDDLE = hex("21 45 00 00 1c 00 01 20 01 40 06 54 d5 01 01 01 01 02 02 02 02"
      + "00 00 00 00 60 02 20 00");
  private static final byte[] LAST = hex("21 45 00 00 1c 00 01 00 02 40 06 74 d4 01 01 01 01 02 02 02 02"
      + "19 0c 00 00 03 03 0e 00");

  private final Decoding decoding = new Decoding();

  private void assertHeld(byte[] fragment, SkipReason reason) {
    assertEquals(reason, decoding.skip(LinkTypes.PPP, fragment));
  }

  private void assertSyn(Segment segment) {
    assertIpv4(segment, "1.1.1.1", "2.2.2.2");
    assertPorts(segment, 12345, 8080);
    assertEquals(1, segment.seq());
    assertEquals(SYN, segment.flags());
    assertEquals(0, segment.payloadLength());
    assertEquals(14, segment.windowScale(), "the option in the last fragment");
  }

  @Test
  void realSynSplitAcrossThreeFragments_inOrder() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(MIDDLE, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, LAST));
  }

  @Test
  void lastFragmentFirst() {
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
    assertHeld(MIDDLE, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, FIRST));
  }

  @Test
  void middleFragmentCompletes() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, MIDDLE));
  }

  @Test
  void firstAndLastAloneDoNotComplete() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
  }

  @Test
  void duplicateFragmentsDoNotComplete() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(MIDDLE, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, LAST));
  }

  @Test
  void reusedIdStartsANewDatagram() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(MIDDLE, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, LAST));
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, MIDDLE));
  }

  @Test
  void datagramOlderThanTheTimeoutStartsAfresh() {
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertHeld(MIDDLE, SkipReason.IPV4_FRAGMENT);
    decoding.advance(FragmentTable.TIMEOUT_NANOS + 1);
    assertHeld(LAST, SkipReason.IPV4_FRAGMENT);
    assertHeld(FIRST, SkipReason.IPV4_FRAGMENT);
    assertSyn(decoding.tcp(LinkTypes.PPP, MIDDLE));
  }

  @Test
  void fullTableRecyclesTheOldestDatagram() {
    PacketDecoder decoder = new PacketDecoder(1);
    byte[] other = FIRST.clone();
    other[6] = 0x02; // another IP id
    assertEquals(false, decoder.decode(LinkTypes.PPP, FIRST, 0, FIRST.length, FIRST.length, 0));
    assertEquals(false, decoder.decode(LinkTypes.PPP, other, 0, other.length, other.length, 1));
    assertEquals(false, decoder.decode(LinkTypes.PPP, MIDDLE, 0, MIDDLE.length, MIDDLE.length, 2));
    assertEquals(false, decoder.decode(LinkTypes.PPP, LAST, 0, LAST.length, LAST.length, 3));
    assertEquals(SkipReason.IPV4_FRAGMENT, decoder.skipReason(), "the first fragment was recycled");
  }

  @Test
  void interleavedDatagramsAreKeptApart() {
    byte[] data = tcp(1000, 2000, 5, 6, ACK, 100);
    byte[][] a = split(ipv4().id(7), data, 64);
    byte[][] b = split(ipv4().id(8), data, 64);
    assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, a[0]));
    assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, b[1]));
    assertEquals(100, decoding.tcp(LinkTypes.RAW, a[1]).payloadLength());
    assertEquals(100, decoding.tcp(LinkTypes.RAW, b[0]).payloadLength());
  }

  @Test
  void payloadLengthIsTheDatagramsNotTheFrames() {
    byte[][] parts = split(ipv4().id(9), tcp(1000, 2000, 5, 6, ACK, 1480), 1480);
    assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, parts[0]));
    Segment segment = decoding.tcp(LinkTypes.RAW, parts[1]);
    assertEquals(1480, segment.payloadLength());
    assertEquals(1480, segment.capturedPayloadLength(), "every fragment was captured whole");
  }

  @Test
  void fragmentedUdpCompletesAsUdp() {
    byte[] udp = concat(u16(5353), u16(53), u16(208), u16(0), new byte[200]);
    byte[][] parts = split(ipv4().id(10).protocol(17), udp, 104);
    assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, parts[0]));
    Segment datagram = decoding.udp(LinkTypes.RAW, parts[1]);
    assertPorts(datagram, 5353, 53);
    assertEquals(200, datagram.payloadLength());
    assertEquals(200, datagram.capturedPayloadLength());
  }

  @Test
  void fragmentedTunnelIsDecodedOnCompletion() {
    byte[] inner = ipv4().src("192.168.69.10").dst("192.168.69.2").build(tcp(49162, 80, 1, 1, ACK, 1400));
    byte[] gre = concat(hex("00 00 08 00"), inner);
    byte[][] parts = split(ipv4().id(11).protocol(47), gre, 720);
    assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, parts[1]));
    Segment segment = decoding.tcp(LinkTypes.RAW, parts[0]);
    assertIpv4(segment, "192.168.69.10", "192.168.69.2");
    assertEquals(1400, segment.payloadLength());
  }

  @Test
  void ipv6FragmentsInEitherOrder() {
    byte[] data = tcp(443, 51000, 9, 10, ACK, 100);
    byte[] first = ipv6("2001:db8::2", "2001:db8::1", 44,
        concat(ipv6Fragment(6, 0, true, 0x1234), Arrays.copyOfRange(data, 0, 64)));
    byte[] last = ipv6("2001:db8::2", "2001:db8::1", 44,
        concat(ipv6Fragment(6, 64, false, 0x1234), Arrays.copyOfRange(data, 64, data.length)));
    assertEquals(SkipReason.IPV6_FRAGMENT, decoding.skip(LinkTypes.RAW, first));
    assertEquals(100, decoding.tcp(LinkTypes.RAW, last).payloadLength());
    assertEquals(SkipReason.IPV6_FRAGMENT, decoding.skip(LinkTypes.RAW, last));
    assertPorts(decoding.tcp(LinkTypes.RAW, first), 443, 51000);
  }

  @Test
  void manyHolesFallBackToFirstAndLast() {
    // Pieces 0 to 2 (the TCP header), then 17 disjoint pieces: more ranges than a datagram
    // tracks, so first + last complete it.
    byte[] data = tcp(1, 2, 3, 4, ACK, 8 * 40 - 20);
    for (int piece = 0; piece <= 36; piece = piece < 2 ? piece + 1 : piece + 2) {
      byte[] fragment = ipv4().id(12).fragment(piece * 8, true)
          .build(Arrays.copyOfRange(data, piece * 8, piece * 8 + 8));
      assertEquals(SkipReason.IPV4_FRAGMENT, decoding.skip(LinkTypes.RAW, fragment));
    }
    byte[] last = ipv4().id(12).fragment(39 * 8, false).build(Arrays.copyOfRange(data, 39 * 8, 40 * 8));
    assertEquals(8 * 40 - 20, decoding.tcp(LinkTypes.RAW, last).payloadLength());
  }

  @Test
  void fragmentWithTheHeaderCutBySnaplenCompletesWithoutAHeader() {
    byte[][] parts = split(ipv4().id(13), tcp(1, 2, 3, 4, ACK, 100), 64);
    assertEquals(SkipReason.IPV4_FRAGMENT,
        decoding.skip(LinkTypes.RAW, parts[0], 20 + 10, parts[0].length));
    assertEquals(SkipReason.TRUNCATED_TCP_HEADER, decoding.skip(LinkTypes.RAW, parts[1]));
  }

  /** Splits {@code payload} into two IPv4 fragments at {@code at} (a multiple of 8). */
  private static byte[][] split(io.portflow.analyze.testing.Frames.Ipv4 header, byte[] payload, int at) {
    byte[] first = header.fragment(0, true).build(Arrays.copyOfRange(payload, 0, at));
    byte[] second = header.fragment(at, false).build(Arrays.copyOfRange(payload, at, payload.length));
    return new byte[][] {first, second};
  }
}
