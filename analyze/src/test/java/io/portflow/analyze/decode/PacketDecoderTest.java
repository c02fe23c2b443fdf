package io.portflow.analyze.decode;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.ethernetTagged;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.ipv6;
import static io.portflow.analyze.testing.Frames.ipv6Extension;
import static io.portflow.analyze.testing.Frames.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.LinkTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
  private static final int[] LINK_TYPES = {0, 1, 9, 10, 12, 14, 101, 104, 108, 113, 228, 229, 239,
      242, 276};

  @Test
  void skipReasonIsClearedByTheNextTcpFrame() {
    PacketDecoder decoder = new PacketDecoder();
    byte[] arp = ethernet(0x0806, new byte[28]);
    byte[] tcp = ethernet(0x0800, ipv4().build(tcp(1, 2, 3, 4, ACK, 0)));
    decoder.decode(LinkTypes.ETHERNET, arp, 0, arp.length, arp.length, 0);
    assertEquals(SkipReason.ARP, decoder.skipReason());
    decoder.decode(LinkTypes.ETHERNET, tcp, 0, tcp.length, tcp.length, 0);
    assertNull(decoder.skipReason());
  }

  @Test
  void vlanOfThePreviousFrameDoesNotLeak() {
    PacketDecoder decoder = new PacketDecoder();
    byte[] packet = ipv4().build(tcp(1, 2, 3, 4, ACK, 0));
    byte[] tagged = ethernetTagged(0x0800, packet, 0x8100, 9);
    byte[] untagged = ethernet(0x0800, packet);
    decoder.decode(LinkTypes.ETHERNET, tagged, 0, tagged.length, tagged.length, 0);
    assertEquals(9, decoder.segment().vlanOuter());
    decoder.decode(LinkTypes.ETHERNET, untagged, 0, untagged.length, untagged.length, 0);
    assertEquals(Segment.NO_VLAN, decoder.segment().vlanOuter());
  }

  @Test
  void wireLengthAboveTwoGigabytesIsUnsigned() {
    PacketDecoder decoder = new PacketDecoder();
    byte[] packet = ipv4().totalLength(0).build(tcp(1, 2, 3, 4, ACK, 10));
    assertTrue(decoder.decode(LinkTypes.RAW, packet, 0, packet.length, 0x80000000, 0));
    assertTrue(decoder.segment().payloadLength() > 10, "length 0 takes the frame's length");
  }

  /**
   * Hostile input: random bytes, and valid frames with bytes flipped and cut anywhere, through
   * every link type. The decoder must answer every frame without an exception.
   */
  @Test
  void corruptedFramesNeverThrow() {
    Random random = new Random(0x5eed);
    List<byte[]> seeds = List.of(
        ethernetTagged(0x0800, ipv4().options(hex("83 0b 04 01 02 03 04 05 06 07 08"))
            .build(tcp(1, 2, 3, 4, ACK, 40, 10)), 0x88a8, 1, 0x8100, 2),
        ethernet(0x86dd, ipv6("::1", "::2", 0, concat(ipv6Extension(44, 1),
            hex("06 00 00 01 00 00 00 07"), tcp(1, 2, 3, 4, ACK, 8)))),
        ethernet(0x0800, ipv4().protocol(47).build(concat(hex("30 00 65 58 00 00 00 01 00 00 00 02"),
            ethernet(0x0800, ipv4().protocol(17).build(concat(hex("c3 50 12 b5 00 30 00 00"),
                hex("08 00 00 00 00 00 01 00"), ethernet(0x0800, ipv4().build(tcp(1, 2, 3, 4, ACK, 4))))))))),
        ethernet(0x0800, ipv4().id(5).fragment(8, true).build(new byte[48])),
        concat(hex("02 00 00 2a 08 00 09 00"), ipv4().build(tcp(1, 2, 3, 4, ACK, 0))),
        concat(hex("ff 03 00 21"), ipv4().protocol(4).build(ipv4().build(tcp(1, 2, 3, 4, ACK, 0)))));
    PacketDecoder decoder = new PacketDecoder(4);
    int decoded = 0;
    for (int round = 0; round < 40_000; round++) {
      byte[] frame = round % 4 == 0 ? randomBytes(random) : mutate(seeds.get(round % seeds.size()), random);
      int linkType = LINK_TYPES[random.nextInt(LINK_TYPES.length)];
      int captured = random.nextInt(frame.length + 1);
      int wire = random.nextBoolean() ? frame.length : random.nextInt();
      if (decoder.decode(linkType, frame, 0, captured, wire, round)) {
        decoded++;
        assertTrue(decoder.segment().payloadLength() >= 0);
      } else {
        assertNotNull(decoder.skipReason());
      }
    }
    assertTrue(decoded > 0, "some mutated frames still carry TCP");
  }

  private static byte[] randomBytes(Random random) {
    byte[] frame = new byte[random.nextInt(120)];
    random.nextBytes(frame);
    return frame;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] frame = Arrays.copyOf(seed, seed.length);
    for (int flips = random.nextInt(4); flips > 0; flips--) {
      frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
    }
    return frame;
  }
}
