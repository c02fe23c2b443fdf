package io.portflow.analyze.decode;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.tcp;
import static io.portflow.analyze.testing.Frames.tcpWithOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.testing.Frames;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainFrameTest {
  @Test
  void aPlainFrame_takesTheShortcut_withTheLayersFields() {
    byte[] frame = ethernet(0x0800, ipv4().src("192.0.2.1").dst("198.51.100.7")
        .build(tcp(40000, 443, 0xfffffff0L, 7, ACK | Frames.PSH, 32, 100)));
    Segment shortcut = new Segment();
    assertTrue(PlainFrame.decode(shortcut, frame, 0, frame.length, frame.length));
    Segment layers = new Segment();
    assertTrue(new PacketDecoder().decodeLayers(layers, LinkTypes.ETHERNET, frame, 0, frame.length,
        frame.length, 0));
    assertEquals(fields(layers), fields(shortcut));
    assertEquals(100, shortcut.payloadLength());
    assertEquals(0xfffffff0, shortcut.seq());
  }

  @Test
  void anythingElse_isLeftToTheLayers() {
    byte[] tcp = tcp(1, 2, 3, 4, ACK, 10);
    List<byte[]> others = List.of(
        Frames.ethernetTagged(0x0800, ipv4().build(tcp), 0x8100, 5),
        ethernet(0x0800, ipv4().options(new byte[] {1, 1, 1, 1}).build(tcp)),
        ethernet(0x0800, ipv4().fragment(0, true).build(tcp)),
        ethernet(0x0800, ipv4().fragment(8, false).build(tcp)),
        ethernet(0x0800, ipv4().protocol(17).build(tcp)),
        ethernet(0x86dd, Frames.ipv6("::1", "::2", 6, tcp)));
    for (byte[] frame : others) {
      assertFalse(PlainFrame.decode(new Segment(), frame, 0, frame.length, frame.length));
    }
  }

  @Test
  void aFrameCutBeforeTheEndOfTheTcpHeader_isLeftToTheLayers() {
    byte[] frame = ethernet(0x0800, ipv4().build(tcp(1, 2, 3, 4, ACK, 0)));
    assertEquals(54, frame.length);
    assertTrue(PlainFrame.decode(new Segment(), frame, 0, 54, 54));
    assertFalse(PlainFrame.decode(new Segment(), frame, 0, 53, 54));
  }

  /**
   * Plain frames and near misses (bytes flipped in the headers, lying lengths, cut short, odd wire
   * lengths, SYNs with options): the shortcut decodes exactly the frames the layers decode as plain,
   * into the same fields, and the decoder's answer is the layers' answer for every frame.
   */
  @Test
  void everyFrame_sameAnswerAsTheLayers() {
    Random random = new Random(0x9a1f);
    PacketDecoder withShortcut = new PacketDecoder();
    PacketDecoder layersOnly = new PacketDecoder();
    Segment a = new Segment();
    Segment b = new Segment();
    int shortcuts = 0;
    for (int round = 0; round < 50_000; round++) {
      byte[] frame = frame(random);
      int captured = random.nextInt(4) == 0 ? random.nextInt(frame.length + 1) : frame.length;
      int wire = wireLength(random, frame.length);
      long reported = Math.max(captured, Integer.toUnsignedLong(wire));
      int reportedEnd = (int) Math.min(Integer.MAX_VALUE, reported);
      boolean plain = PlainFrame.decode(new Segment(), frame, 0, captured, reportedEnd);
      boolean decoded = withShortcut.decode(a, LinkTypes.ETHERNET, frame, 0, captured, wire, round);
      boolean expected = layersOnly.decodeLayers(b, LinkTypes.ETHERNET, frame, 0, captured,
          reportedEnd, round);
      String where = "round " + round;
      assertEquals(expected, decoded, where);
      assertEquals(layersOnly.skipReason(), withShortcut.skipReason(), where);
      if (decoded) {
        assertEquals(fields(b), fields(a), where);
      }
      if (plain) {
        shortcuts++;
        assertTrue(expected, where + ": the shortcut took a frame the layers skip");
      }
    }
    assertTrue(shortcuts > 10_000, shortcuts + " frames took the shortcut");
  }

  private static byte[] frame(Random random) {
    int flags = random.nextInt(4) == 0 ? SYN | (random.nextBoolean() ? ACK : 0) : ACK;
    byte[] tcp = random.nextInt(3) == 0
        ? tcpWithOptions(random.nextInt(65536), 443, random.nextInt(), 0, flags,
            List.of("02 04 05 b4 01 03 03 07 04 02", "02 04 05", "03 03", "04 00 02 04 02 18", "01 01 01 01",
                "02 04 05 b4 04 02 08 0a 00 00 00 01 00 00 00 00 01 03 03 07").get(random.nextInt(6)))
        : tcp(random.nextInt(65536), random.nextInt(65536), random.nextInt(), random.nextInt(), flags,
            20 + 4 * random.nextInt(11), random.nextInt(3) == 0 ? 0 : random.nextInt(1500));
    Frames.Ipv4 ip = ipv4().src("10.1.2." + random.nextInt(256)).dst("192.0.2." + random.nextInt(256));
    switch (random.nextInt(8)) {
      case 0:
        ip.totalLength(0);
        break;
      case 1:
        ip.totalLength(random.nextInt(20 + tcp.length + 40));
        break;
      case 2:
        ip.fragment(8 * random.nextInt(3), random.nextBoolean());
        break;
      default:
        break;
    }
    byte[] frame = ethernet(0x0800, ip.build(tcp));
    if (random.nextInt(3) == 0) {
      frame = java.util.Arrays.copyOf(frame, frame.length + random.nextInt(20)); // Ethernet padding
    }
    for (int flips = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; flips > 0; flips--) {
      frame[12 + random.nextInt(Math.min(frame.length, 62) - 12)] = (byte) random.nextInt(256);
    }
    return frame;
  }

  private static int wireLength(Random random, int frameLength) {
    switch (random.nextInt(6)) {
      case 0:
        return random.nextInt(frameLength + 1);
      case 1:
        return frameLength + random.nextInt(3000);
      case 2:
        return random.nextInt();
      default:
        return frameLength;
    }
  }

  private static List<Object> fields(Segment s) {
    return List.of(s.protocol(), s.ipVersion(), s.srcHi(), s.srcLo(), s.dstHi(), s.dstLo(),
        s.vlanOuter(), s.vlanInner(), s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(),
        s.window(), s.payloadLength(), s.capturedPayloadLength(), s.mss(), s.windowScale(),
        s.sackPermitted(), s.malformations());
  }
}
