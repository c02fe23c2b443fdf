package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Decoding.assertIpv4;
import static io.portflow.analyze.decode.Decoding.assertIpv6;
import static io.portflow.analyze.decode.Decoding.assertPorts;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.ethernetTagged;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.segment;
import static io.portflow.analyze.testing.Frames.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.analyze.LinkTypes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LinkLayerTest {
  /** An IPv4 SYN 10.0.0.1:1234 -> 10.0.0.2:80 with no link layer. */
  private static final byte[] IPV4_SYN = segment("10.0.0.1", 1234, "10.0.0.2", 80, SYN, 1000, 0, 0);
  private static final byte[] IPV6_SYN = segment("2001:db8::1", 1234, "2001:db8::2", 80, SYN, 1, 0, 0);

  private final Decoding decoding = new Decoding();

  @Test
  void ethernet_vlanTaggedSynFromRealCapture() {
    // arkime tests/pcap/aerospike.pcap frame 1: 802.1Q VLAN 50, 10.0.0.1:53226 -> 10.0.0.2:3000 SYN.
    byte[] frame = hex("""
        2c 6b f5 d6 17 c5 2c 6b f5 d6 17 cc 81 00 00 32 08 00 45 00 00 40 97 c7 40 00 3c 06 25 33
        0a 00 00 01 0a 00 00 02 cf ea 0b b8 c6 0a 1f 26 00 00 00 00 b0 c2 ff ff 0a cf 00 00 02 04
        05 b4 01 03 03 05 01 01 08 0a 1b 86 cd 56 00 00 00 00 04 02 00 00""");
    Segment segment = decoding.tcp(LinkTypes.ETHERNET, frame);
    assertIpv4(segment, "10.0.0.1", "10.0.0.2");
    assertPorts(segment, 53226, 3000);
    assertEquals(50, segment.vlanOuter());
    assertEquals(Segment.NO_VLAN, segment.vlanInner());
    assertEquals(0xc60a1f26, segment.seq());
    assertEquals(0xc2, segment.flags(), "SYN with ECE and CWR (ECN setup)");
    assertEquals(true, segment.isBareSyn());
    assertEquals(0, segment.payloadLength());
  }

  @Test
  void ethernet_untaggedHasNoVlan() {
    Segment segment = decoding.tcp(LinkTypes.ETHERNET, ethernet(0x0800, IPV4_SYN));
    assertEquals(Segment.NO_VLAN, segment.vlanOuter());
    assertEquals(Segment.NO_VLAN, segment.vlanInner());
  }

  @Test
  void ethernet_qinqKeepsOuterAndInnerVlan() {
    Segment segment = decoding.tcp(LinkTypes.ETHERNET,
        ethernetTagged(0x0800, IPV4_SYN, 0x88a8, 100, 0x8100, 200));
    assertEquals(100, segment.vlanOuter());
    assertEquals(200, segment.vlanInner());
  }

  @Test
  void ethernet_oldQinqTpid9100AndPriorityBitsIgnored() {
    Segment segment = decoding.tcp(LinkTypes.ETHERNET,
        ethernetTagged(0x86dd, IPV6_SYN, 0x9100, 0xe000 | 7, 0x8100, 0x1000 | 4094));
    assertIpv6(segment, "2001:db8::1", "2001:db8::2");
    assertEquals(7, segment.vlanOuter());
    assertEquals(4094, segment.vlanInner());
  }

  @Test
  void ethernet_tripleTagKeepsTheOuterTwo() {
    Segment segment = decoding.tcp(LinkTypes.ETHERNET,
        ethernetTagged(0x0800, IPV4_SYN, 0x88a8, 1, 0x8100, 2, 0x8100, 3));
    assertEquals(1, segment.vlanOuter());
    assertEquals(2, segment.vlanInner());
  }

  @Test
  void ethernet_tooManyTagsIsNotIp() {
    int[] tags = new int[18];
    for (int i = 0; i < tags.length; i += 2) {
      tags[i] = 0x8100;
      tags[i + 1] = i;
    }
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.ETHERNET, ethernetTagged(0x0800, IPV4_SYN, tags)));
  }

  @Test
  void ethernet_truncatedInsideVlanTag() {
    byte[] frame = ethernetTagged(0x0800, IPV4_SYN, 0x8100, 5);
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER,
        decoding.skip(LinkTypes.ETHERNET, frame, 16, frame.length));
  }

  @Test
  void ethernet_shorterThanHeader() {
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.ETHERNET, new byte[13]));
  }

  @Test
  void ethernet_arpAndOtherEthertypesAreCountedByKind() {
    assertEquals(SkipReason.ARP, decoding.skip(LinkTypes.ETHERNET, ethernet(0x0806, new byte[28])));
    assertEquals(SkipReason.ARP, decoding.skip(LinkTypes.ETHERNET, ethernet(0x8035, new byte[28])));
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.ETHERNET, ethernet(0x88cc, new byte[28])));
    assertEquals(SkipReason.ARP,
        decoding.skip(LinkTypes.ETHERNET, ethernetTagged(0x0806, new byte[28], 0x8100, 9)));
  }

  @Test
  void ethernet_8023WithSnapCarriesIp() {
    byte[] llc = concat(u16(IPV4_SYN.length + 8), hex("aa aa 03 00 00 00 08 00"), IPV4_SYN);
    byte[] frame = concat(hex("00 11 22 33 44 55 66 77 88 99 aa bb"), llc);
    assertIpv4(decoding.tcp(LinkTypes.ETHERNET, frame), "10.0.0.1", "10.0.0.2");
  }

  @Test
  void ethernet_8023WithoutSnapIsNotIp() {
    byte[] frame = concat(hex("00 11 22 33 44 55 66 77 88 99 aa bb 00 26 42 42 03"), new byte[40]);
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.ETHERNET, frame));
  }

  @Test
  void ethernet_mplsLabelStackThenIpv4() {
    byte[] labels = hex("00 01 00 40 | 00 02 01 40"); // second label has bottom-of-stack set
    Segment segment = decoding.tcp(LinkTypes.ETHERNET, ethernet(0x8847, concat(labels, IPV4_SYN)));
    assertPorts(segment, 1234, 80);
  }

  @Test
  void ethernet_mplsPseudowireIsNotIp() {
    byte[] labels = hex("00 01 01 40 00 00 00 00"); // bottom label, then a control word (nibble 0)
    assertEquals(SkipReason.NON_IP,
        decoding.skip(LinkTypes.ETHERNET, ethernet(0x8847, concat(labels, new byte[40]))));
  }

  @Test
  void ethernet_mplsStackWithoutBottomIsNotIp() {
    byte[] labels = new byte[4 * 17];
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.ETHERNET, ethernet(0x8847, labels)));
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER,
        decoding.skip(LinkTypes.ETHERNET, ethernet(0x8847, new byte[6])));
  }

  @Test
  void ethernet_pppoeSessionCarriesIpv4AndIpv6() {
    byte[] pppoe4 = concat(hex("11 00 00 01"), u16(IPV4_SYN.length + 2), hex("00 21"), IPV4_SYN);
    assertIpv4(decoding.tcp(LinkTypes.ETHERNET, ethernet(0x8864, pppoe4)), "10.0.0.1", "10.0.0.2");
    byte[] pppoe6 = concat(hex("11 00 00 01"), u16(IPV6_SYN.length + 2), hex("00 57"), IPV6_SYN);
    assertIpv6(decoding.tcp(LinkTypes.ETHERNET, ethernet(0x8864, pppoe6)), "2001:db8::1", "2001:db8::2");
    byte[] lcp = concat(hex("11 00 00 01 00 06 c0 21"), new byte[4]);
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.ETHERNET, ethernet(0x8864, lcp)));
  }

  @Test
  void ethernet_etagVnTagPbbAndFabricPathAreUnwrapped() {
    byte[] vnTag = concat(hex("00 00 00 00"), u16(0x0800), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.ETHERNET, ethernetTagged(0x8926, vnTag, 0x8100, 3)), 1234, 80);
    byte[] etag = concat(hex("00 00 00 00 00 00"), u16(0x0800), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.ETHERNET, ethernet(0x893f, etag)), 1234, 80);
    byte[] pbb = concat(hex("00 00 00 01"), new byte[12], u16(0x0800), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.ETHERNET, ethernet(0x88e7, pbb)), 1234, 80);
    byte[] fabricPath = concat(hex("40 20"), new byte[12], u16(0x8100), u16(7), u16(0x0800), IPV4_SYN);
    Segment segment = decoding.tcp(LinkTypes.ETHERNET, ethernet(0x8903, fabricPath));
    assertEquals(7, segment.vlanOuter());
  }

  @Test
  void linuxSll_realCapture() {
    // tcpdump tests/resp_1_benchmark.pcap frame 1: SLL v1, 127.0.0.1:35901 -> 127.0.0.1:6379 SYN.
    byte[] frame = hex("""
        00 00 03 04 00 06 00 00 00 00 00 00 00 00 08 00 45 00 00 3c 3d f9 40 00 40 06 fe c0 7f 00
        00 01 7f 00 00 01 8c 3d 18 eb 45 22 f3 af 00 00 00 00 a0 02 aa aa fe 30 00 00 02 04 ff d7
        04 02 08 0a 77 78 ce 56 00 00 00 00 01 03 03 07""");
    Segment segment = decoding.tcp(LinkTypes.LINUX_SLL, frame);
    assertIpv4(segment, "127.0.0.1", "127.0.0.1");
    assertPorts(segment, 35901, 6379);
  }

  @Test
  void linuxSll_netlinkAndShortProtocolsAreNotIp() {
    byte[] netlink = concat(hex("00 00 03 38 00 00 00 00 00 00 00 00 00 00 08 00"), IPV4_SYN);
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.LINUX_SLL, netlink));
    byte[] llc = concat(hex("00 00 00 01 00 06 00 00 00 00 00 00 00 00 00 04"), new byte[20]);
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.LINUX_SLL, llc));
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.LINUX_SLL, new byte[15]));
  }

  @Test
  void linuxSll2_realCapture() {
    // zeek tls/openjdk-25.0.2-zeek.org.pcap: SLL v2, 192.168.64.6:55058 -> 192.0.78.150:443 SYN.
    byte[] frame = hex("""
        08 00 00 00 00 00 00 02 00 01 04 06 fa 37 dc 8d af ab 00 00 45 00 00 3c 7b a7 40 00 40 06
        af cf c0 a8 40 06 c0 00 4e 96 d7 12 01 bb 3a 10 e0 2e 00 00 00 00 a0 02 fa f0 34 88 00 00
        02 04 05 b4 04 02 08 0a 9c 3b 79 f9 00 00 00 00 01 03 03 07""");
    Segment segment = decoding.tcp(LinkTypes.LINUX_SLL2, frame);
    assertIpv4(segment, "192.168.64.6", "192.0.78.150");
    assertPorts(segment, 55058, 443);
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.LINUX_SLL2, new byte[19]));
  }

  @Test
  void rawIp_everyRawLinkTypeDispatchesOnTheVersionNibble() {
    for (int linkType : new int[] {LinkTypes.RAW, LinkTypes.RAW_12, LinkTypes.RAW_14, LinkTypes.IPV4,
        LinkTypes.IPV6}) {
      assertPorts(decoding.tcp(linkType, IPV4_SYN), 1234, 80);
      assertIpv6(decoding.tcp(linkType, IPV6_SYN), "2001:db8::1", "2001:db8::2");
    }
  }

  @Test
  void rawIp_emptyFrameAndWrongVersion() {
    assertEquals(SkipReason.TRUNCATED_IPV4_HEADER, decoding.skip(LinkTypes.RAW, new byte[0]));
    byte[] version5 = IPV4_SYN.clone();
    version5[0] = 0x55;
    assertEquals(SkipReason.BAD_IP_VERSION, decoding.skip(LinkTypes.RAW, version5));
  }

  @Test
  void null_ipv6InHostByteOrderFromRealCapture() {
    // zeek redis/attr.pcap frame 1: macOS loopback, AF 30 little-endian, [::1]:62282 -> [::1]:6379.
    byte[] frame = hex("""
        1e 00 00 00 60 04 06 00 00 2c 06 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00
        00 00 00 00 00 00 00 00 00 00 00 00 00 01 f3 4a 18 eb f3 f4 7b 2f 00 00 00 00 b0 02 ff ff
        c2 83 00 00 02 04 3f c4 01 03 03 06 01 01 08 0a ab 60 13 ac 00 00 00 00 04 02 00 00""");
    Segment segment = decoding.tcp(LinkTypes.NULL, frame);
    assertIpv6(segment, "::1", "::1");
    assertPorts(segment, 62282, 6379);
  }

  @Test
  void null_acceptsEitherByteOrderAndEveryBsdInet6Value() {
    for (String family : new String[] {"02 00 00 00", "00 00 00 02"}) {
      assertPorts(decoding.tcp(LinkTypes.NULL, concat(hex(family), IPV4_SYN)), 1234, 80);
      assertPorts(decoding.tcp(LinkTypes.LOOP, concat(hex(family), IPV4_SYN)), 1234, 80);
    }
    for (int family : new int[] {24, 28, 30}) {
      byte[] little = {(byte) family, 0, 0, 0};
      byte[] big = {0, 0, 0, (byte) family};
      assertPorts(decoding.tcp(LinkTypes.NULL, concat(little, IPV6_SYN)), 1234, 80);
      assertPorts(decoding.tcp(LinkTypes.LOOP, concat(big, IPV6_SYN)), 1234, 80);
    }
  }

  @Test
  void null_otherFamiliesAndShortHeader() {
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.NULL, concat(hex("07 00 00 00"), IPV4_SYN)));
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.LOOP, hex("00 00 02")));
  }

  @Test
  void ppp_withAddressControlFromRealCapture() {
    // tcpdump tests/bgp_vpn_attrset.pcap: ff 03 00 21, 12.4.4.4:2051 -> 12.1.1.1:179.
    byte[] frame = hex("""
        ff 03 00 21 45 c0 00 ad e5 04 00 00 3e 06 79 7d 0c 04 04 04 0c 01 01 01 08 03 00 b3 c4 48
        60 45 c7 90 15 26 80 18 40 00 cf 18 00 00 01 01 08 0a 00 05 d8 9b 00 0d 95 bb""");
    Segment segment = decoding.tcp(LinkTypes.PPP, frame, 177);
    assertIpv4(segment, "12.4.4.4", "12.1.1.1");
    assertPorts(segment, 2051, 179);
    assertEquals(173 - 20 - 32, segment.payloadLength());
  }

  @Test
  void ppp_withoutAddressControlAndCompressedProtocol() {
    assertPorts(decoding.tcp(LinkTypes.PPP, concat(hex("00 21"), IPV4_SYN)), 1234, 80);
    assertPorts(decoding.tcp(LinkTypes.PPP, concat(hex("21"), IPV4_SYN)), 1234, 80);
    assertPorts(decoding.tcp(LinkTypes.PPP, concat(hex("ff 03 57"), IPV6_SYN)), 1234, 80);
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.PPP, concat(hex("ff 03 c0 21"), new byte[8])));
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.PPP, hex("ff 03 00")));
  }

  @Test
  void ppp_ciscoHdlcFramedUnderPppFromRealCapture() {
    // nDPI BGP_Cisco_hdlc_slarp.pcap frame 1: DLT 9 holding a Cisco HDLC frame, BGP SYN.
    byte[] frame = hex("""
        0f 00 08 00 45 c0 00 2c f8 92 40 00 01 06 b6 56 64 10 01 02 64 10 01 01 47 94 00 b3 bc ea
        75 d1 00 00 00 00 60 02 40 00 13 00 00 00 02 04 05 b4""");
    Segment segment = decoding.tcp(LinkTypes.PPP, frame);
    assertIpv4(segment, "100.16.1.2", "100.16.1.1");
    assertPorts(segment, 18324, 179);
  }

  @Test
  void ciscoHdlc_ipAndSlarp() {
    // suricata-verify decode-chdlc-01: 192.168.2.7:4938 -> 65.55.116.183:80 SYN.
    byte[] frame = hex("""
        0f 00 08 00 45 00 00 30 15 5a 40 00 80 06 6c d0 c0 a8 02 07 41 37 74 b7 13 4a 00 50 9c 34
        09 6c 00 00 00 00 70 02 40 00 11 47 00 00 02 04 05 b4 01 01 04 02""");
    assertPorts(decoding.tcp(LinkTypes.C_HDLC, frame), 4938, 80);
    assertEquals(SkipReason.NON_IP,
        decoding.skip(LinkTypes.C_HDLC, concat(hex("8f 00 80 35"), new byte[20])));
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.C_HDLC, hex("0f 00 08")));
  }

  @Test
  void nflog_payloadTlvInEitherByteOrder() {
    byte[] little = concat(hex("02 00 00 2a | 08 00 01 00 08 00 00 00"),
        u16le(IPV4_SYN.length + 4), hex("09 00"), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.NFLOG, little), 1234, 80);
    byte[] big = concat(hex("02 00 00 2a | 00 08 00 01 08 00 00 00"),
        u16(IPV4_SYN.length + 4), hex("00 09"), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.NFLOG, big), 1234, 80);
    byte[] noPayload = hex("02 00 00 2a 08 00 01 00 08 00 00 00");
    assertEquals(SkipReason.NON_IP, decoding.skip(LinkTypes.NFLOG, noPayload));
    byte[] lying = hex("02 00 00 2a ff 00 09 00 45 00");
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.NFLOG, lying));
  }

  @Test
  void ipoibAndFddi() {
    byte[] ipoib = concat(new byte[40], u16(0x0800), u16(0), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.IPOIB, ipoib), 1234, 80);
    byte[] fddi = concat(new byte[13], hex("aa aa 03 00 00 00 08 00"), IPV4_SYN);
    assertPorts(decoding.tcp(LinkTypes.FDDI, fddi), 1234, 80);
    assertEquals(SkipReason.TRUNCATED_LINK_HEADER, decoding.skip(LinkTypes.IPOIB, new byte[43]));
  }

  @Test
  void unknownLinkType() {
    assertEquals(SkipReason.UNKNOWN_LINK_TYPE, decoding.skip(147, IPV4_SYN));
  }

  @Test
  void frameAtAnOffsetInALargerBuffer() {
    byte[] frame = ethernet(0x0800, IPV4_SYN);
    byte[] buffer = new byte[frame.length + 100];
    Arrays.fill(buffer, (byte) 0xee);
    System.arraycopy(frame, 0, buffer, 37, frame.length);
    PacketDecoder decoder = new PacketDecoder();
    assertEquals(true, decoder.decode(LinkTypes.ETHERNET, buffer, 37, frame.length, frame.length, 0));
    assertPorts(decoder.segment(), 1234, 80);
  }

  private static byte[] u16le(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8)};
  }
}
