package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Decoding.assertIpv4;
import static io.portflow.analyze.decode.Decoding.assertPorts;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.ethernetTagged;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.tcp;
import static io.portflow.analyze.testing.Frames.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.LinkTypes;
import org.junit.jupiter.api.Test;

class TunnelsTest {
  private static final byte[] INNER =
      ipv4().src("172.16.0.1").dst("172.16.0.2").build(tcp(40000, 443, 7, 0, SYN, 0));
  private static final byte[] INNER_FRAME = ethernet(0x0800, INNER);

  private final Decoding decoding = new Decoding();

  private Segment viaGre(byte[] gre) {
    return decoding.tcp(LinkTypes.RAW, ipv4().protocol(47).build(gre));
  }

  private Segment viaUdp(int srcPort, int dstPort, byte[] payload) {
    byte[] udp = concat(u16(srcPort), u16(dstPort), u16(8 + payload.length), u16(0), payload);
    return decoding.tcp(LinkTypes.RAW, ipv4().protocol(17).build(udp));
  }

  @Test
  void gre_carryingIpv4() {
    assertIpv4(viaGre(concat(hex("00 00 08 00"), INNER)), "172.16.0.1", "172.16.0.2");
  }

  @Test
  void gre_withChecksumKeyAndSequence() {
    byte[] header = hex("b0 00 08 00 | 00 00 00 00 | 00 00 00 2a | 00 00 00 01");
    assertPorts(viaGre(concat(header, INNER)), 40000, 443);
  }

  @Test
  void gre_transparentEthernetBridging() {
    byte[] frame = ethernetTagged(0x0800, INNER, 0x8100, 12);
    Segment segment = viaGre(concat(hex("00 00 65 58"), frame));
    assertPorts(segment, 40000, 443);
    assertEquals(12, segment.vlanOuter());
  }

  @Test
  void gre_erspanTypesOneTwoAndThree() {
    assertPorts(viaGre(concat(hex("00 00 88 be"), INNER_FRAME)), 40000, 443);
    byte[] type2 = concat(hex("10 00 88 be 00 00 00 05 | 10 01 00 00 00 00 00 00"), INNER_FRAME);
    assertPorts(viaGre(type2), 40000, 443);
    byte[] type3 = concat(hex("10 00 22 eb 00 00 00 05 | 20 01 00 00 00 00 00 00 00 00 00 00"),
        INNER_FRAME);
    assertPorts(viaGre(type3), 40000, 443);
    byte[] type3WithPlatform = concat(hex("10 00 22 eb 00 00 00 05"),
        hex("20 01 00 00 00 00 00 00 00 00 00 01"), new byte[8], INNER_FRAME);
    assertPorts(viaGre(type3WithPlatform), 40000, 443);
  }

  @Test
  void gre_wccpWithAndWithoutRedirectHeader() {
    assertPorts(viaGre(concat(hex("00 00 88 3e"), INNER)), 40000, 443);
    assertPorts(viaGre(concat(hex("00 00 88 3e 00 00 00 00"), INNER)), 40000, 443);
  }

  @Test
  void gre_pptpCarryingPpp() {
    byte[] header = hex("30 01 88 0b 00 2a 00 01 00 00 00 01"); // version 1, key and sequence
    assertPorts(viaGre(concat(header, hex("ff 03 00 21"), INNER)), 40000, 443);
    byte[] withAck = hex("30 81 88 0b 00 2a 00 01 00 00 00 01 00 00 00 07");
    assertPorts(viaGre(concat(withAck, hex("21"), INNER)), 40000, 443);
  }

  @Test
  void gre_sourceRoutedOrUnknownVersionIsNotOpened() {
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(47).build(concat(hex("40 00 08 00"), INNER))));
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(47).build(concat(hex("00 02 08 00"), INNER))));
  }

  @Test
  void gre_truncatedHeader() {
    assertEquals(SkipReason.TRUNCATED_TUNNEL_HEADER,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(47).build(hex("00 00 08"))));
    assertEquals(SkipReason.TRUNCATED_TUNNEL_HEADER,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(47).build(hex("b0 00 08 00 00 00"))));
  }

  @Test
  void vxlan_onEitherPort() {
    byte[] vxlan = concat(hex("08 00 00 00 00 00 2a 00"), INNER_FRAME);
    assertPorts(viaUdp(51000, 4789, vxlan), 40000, 443);
    // arkime gre-erspan-vxlan.pcap sends VXLAN from port 4789 to 4790: tshark tries the lower port.
    assertPorts(viaUdp(4789, 4790, vxlan), 40000, 443);
  }

  @Test
  void udp_wellKnownLowPortWinsOverATunnelPort() {
    byte[] dns = new byte[30];
    byte[] udp = concat(u16(4789), u16(53), u16(38), u16(0), dns);
    Segment datagram = decoding.udp(LinkTypes.RAW, ipv4().protocol(17).build(udp));
    assertPorts(datagram, 4789, 53);
  }

  @Test
  void geneve_withOptions() {
    byte[] geneve = concat(hex("02 00 65 58 00 00 2a 00"), new byte[8], INNER_FRAME);
    assertPorts(viaUdp(12345, 6081, geneve), 40000, 443);
    byte[] geneveIp = concat(hex("00 00 08 00 00 00 2a 00"), INNER);
    assertPorts(viaUdp(12345, 6081, geneveIp), 40000, 443);
  }

  @Test
  void gtpUser_plainAndWithExtensionHeaders() {
    byte[] plain = concat(hex("30 ff 00 3c 00 00 00 01"), INNER);
    assertPorts(viaUdp(2152, 2152, plain), 40000, 443);
    byte[] extended = concat(hex("34 ff 00 44 00 00 00 01 | 00 00 00 85 | 01 10 00 00"), INNER);
    assertPorts(viaUdp(2152, 2152, extended), 40000, 443);
  }

  @Test
  void greInUdp() {
    assertPorts(viaUdp(51000, 4754, concat(hex("00 00 08 00"), INNER)), 40000, 443);
  }

  @Test
  void gtpUser_signallingIsUdp() {
    byte[] echo = hex("32 01 00 04 00 00 00 00 00 01 00 00");
    byte[] udp = concat(u16(2152), u16(2152), u16(8 + echo.length), u16(0), echo);
    Segment datagram = decoding.udp(LinkTypes.RAW, ipv4().protocol(17).build(udp));
    assertEquals(echo.length, datagram.payloadLength());
  }
}
