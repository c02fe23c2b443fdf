package io.portflow.analyze.decode;

import static io.portflow.analyze.decode.Decoding.assertIpv4;
import static io.portflow.analyze.decode.Decoding.assertIpv6;
import static io.portflow.analyze.decode.Decoding.assertPorts;
import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.SYN;
import static io.portflow.analyze.testing.Frames.address;
import static io.portflow.analyze.testing.Frames.concat;
import static io.portflow.analyze.testing.Frames.ethernet;
import static io.portflow.analyze.testing.Frames.hex;
import static io.portflow.analyze.testing.Frames.ipv4;
import static io.portflow.analyze.testing.Frames.ipv6;
import static io.portflow.analyze.testing.Frames.ipv6Extension;
import static io.portflow.analyze.testing.Frames.ipv6Fragment;
import static io.portflow.analyze.testing.Frames.tcp;
import static io.portflow.analyze.testing.Frames.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.LinkTypes;
import org.junit.jupiter.api.Test;

class IpLayerTest {
  private static final byte[] TCP_SYN = tcp(1234, 80, 1000, 0, SYN, 0);
  private static final byte[] TCP_DATA = tcp(1234, 80, 1001, 5001, PSH | ACK, 100);

  private final Decoding decoding = new Decoding();

  @Test
  void ipv4_optionsAreSkippedByTheHeaderLength() {
    byte[] packet = ipv4().options(hex("01 01 01 00 94 04 00 00")).build(TCP_DATA);
    Segment segment = decoding.tcp(LinkTypes.RAW, packet);
    assertPorts(segment, 1234, 80);
    assertEquals(100, segment.payloadLength());
  }

  @Test
  void ipv4_looseSourceRouteNamesTheFinalDestination() {
    byte[] route = concat(hex("83 0b 04"), address("1.2.3.4"), address("5.6.7.8"));
    Segment segment = decoding.tcp(LinkTypes.RAW,
        ipv4().src("9.10.11.12").dst("13.14.15.16").options(route).build(TCP_SYN));
    assertIpv4(segment, "9.10.11.12", "5.6.7.8");
  }

  @Test
  void ipv4_strictSourceRouteAfterNopNamesTheFinalDestination() {
    byte[] route = concat(hex("01 89 07 04"), address("8.8.8.8"));
    Segment segment = decoding.tcp(LinkTypes.RAW,
        ipv4().src("9.10.11.12").dst("13.14.15.16").options(route).build(TCP_SYN));
    assertIpv4(segment, "9.10.11.12", "8.8.8.8");
  }

  @Test
  void ipv4_finishedOrEmptySourceRouteKeepsTheHeaderDestination() {
    byte[] finished = concat(hex("83 0b 0c"), address("1.2.3.4"), address("5.6.7.8"));
    assertIpv4(decoding.tcp(LinkTypes.RAW,
        ipv4().src("9.10.11.12").dst("13.14.15.16").options(finished).build(TCP_SYN)),
        "9.10.11.12", "13.14.15.16");
    byte[] empty = hex("89 03 04");
    assertIpv4(decoding.tcp(LinkTypes.RAW,
        ipv4().src("9.10.11.12").dst("13.14.15.16").options(empty).build(TCP_SYN)),
        "9.10.11.12", "13.14.15.16");
    byte[] lyingLength = hex("83 30 04 00");
    assertIpv4(decoding.tcp(LinkTypes.RAW,
        ipv4().src("9.10.11.12").dst("13.14.15.16").options(lyingLength).build(TCP_SYN)),
        "9.10.11.12", "13.14.15.16");
  }

  @Test
  void ipv4_headerLengthBelowFiveIsBad() {
    assertEquals(SkipReason.BAD_IPV4_HEADER_LENGTH,
        decoding.skip(LinkTypes.RAW, ipv4().ihl(4).build(TCP_SYN)));
  }

  @Test
  void ipv4_headerLengthBeyondTheCapturedBytesIsTruncated() {
    assertEquals(SkipReason.TRUNCATED_IPV4_HEADER,
        decoding.skip(LinkTypes.RAW, ipv4().ihl(15).build(new byte[10])));
    byte[] packet = ipv4().build(TCP_SYN);
    assertEquals(SkipReason.TRUNCATED_IPV4_HEADER, decoding.skip(LinkTypes.RAW, packet, 19, packet.length));
  }

  @Test
  void ipv4_totalLengthBelowTheHeaderIsBad() {
    assertEquals(SkipReason.BAD_IPV4_TOTAL_LENGTH,
        decoding.skip(LinkTypes.RAW, ipv4().totalLength(19).build(TCP_SYN)));
  }

  @Test
  void ipv4_ethernetPaddingIsNotPayload() {
    byte[] packet = ipv4().build(tcp(1234, 80, 1, 1, ACK, 2));
    Segment segment = decoding.tcp(LinkTypes.ETHERNET, ethernet(0x0800, concat(packet, new byte[4])));
    assertEquals(2, segment.payloadLength());
  }

  @Test
  void ipv4_payloadFollowsTheLengthFieldNotTheSnaplen() {
    byte[] frame = ethernet(0x0800, ipv4().build(TCP_DATA));
    PacketDecoder decoder = decoding.decoder;
    assertEquals(true, decoder.decode(LinkTypes.ETHERNET, frame, 0, 14 + 20 + 20 + 10, frame.length, 0));
    assertEquals(100, decoder.segment().payloadLength());
  }

  @Test
  void ipv4_totalLengthBeyondTheFrameIsCutToTheFrame() {
    // tshark: "IPv4 total length exceeds packet length"; the payload ends with the frame.
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().totalLength(1500).build(TCP_DATA));
    assertEquals(100, segment.payloadLength());
  }

  @Test
  void ipv4_zeroTotalLengthMeansSegmentationOffload() {
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv4().totalLength(0).build(TCP_DATA));
    assertEquals(100, segment.payloadLength());
  }

  @Test
  void ipv4_otherProtocolsAreCountedByKind() {
    assertEquals(SkipReason.ICMP, decoding.skip(LinkTypes.RAW, ipv4().protocol(1).build(new byte[8])));
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(132).build(new byte[12])));
    assertEquals(SkipReason.TRUNCATED_UDP_HEADER,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(17).build(new byte[3])));
  }

  @Test
  void udp_portsAndPayloadByTheIpLength() {
    byte[] udp = concat(u16(40000), u16(53), u16(8 + 30), u16(0), new byte[30]);
    Segment datagram = decoding.udp(LinkTypes.RAW, ipv4().protocol(17).build(udp));
    assertEquals(40000, datagram.srcPort());
    assertEquals(53, datagram.dstPort());
    assertEquals(30, datagram.payloadLength());
    assertEquals(0, datagram.flags());
    assertEquals(-1, datagram.mss());
  }

  @Test
  void udp_snaplenCutsOnlyTheCapturedPayload() {
    byte[] packet = ipv6("2001:db8::1", "2001:db8::2", 17,
        concat(u16(5000), u16(6000), u16(8 + 100), u16(0), new byte[100]));
    assertTrue(decoding.decoder.decode(LinkTypes.RAW, packet, 0, 40 + 8 + 10, packet.length, 1));
    assertEquals(100, decoding.decoder.segment().payloadLength());
    assertEquals(10, decoding.decoder.segment().capturedPayloadLength());
    assertEquals(SkipReason.TRUNCATED_UDP_HEADER,
        decoding.skip(LinkTypes.RAW, packet, 40 + 5, packet.length));
  }

  @Test
  void ipv4_icmpErrorQuotingATcpHeaderIsIcmpNotTcp() {
    byte[] quoted = ipv4().src("10.0.0.2").dst("10.0.0.1").build(tcp(80, 1234, 5, 6, ACK, 0));
    byte[] unreachable = concat(hex("03 03 00 00 00 00 00 00"), quoted);
    assertEquals(SkipReason.ICMP, decoding.skip(LinkTypes.RAW, ipv4().protocol(1).build(unreachable)));
  }

  @Test
  void ipv6_plain() {
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv6("2001:db8::1", "2001:db8::2", 6, TCP_DATA));
    assertIpv6(segment, "2001:db8::1", "2001:db8::2");
    assertEquals(100, segment.payloadLength());
  }

  @Test
  void ipv6_extensionHeaderChainIsWalked() {
    byte[] chain = concat(
        ipv6Extension(43, 1), // hop-by-hop -> routing
        ipv6Extension(60, 2), // routing -> destination options
        ipv6Extension(135, 1), // destination options -> mobility
        ipv6Extension(51, 1), // mobility -> AH
        hex("06 01 00 00 00 00 00 01 00 00 00 01"), // AH, length (1 + 2) * 4 = 12 -> TCP
        TCP_DATA);
    Segment segment = decoding.tcp(LinkTypes.RAW, ipv6("fe80::1", "fe80::2", 0, chain));
    assertPorts(segment, 1234, 80);
    assertEquals(100, segment.payloadLength());
  }

  @Test
  void ipv6_espAndNoNextHeaderStop() {
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv6("::1", "::2", 50, new byte[32])));
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv6("::1", "::2", 0, concat(ipv6Extension(59, 1), TCP_SYN))));
    assertEquals(SkipReason.ICMPV6, decoding.skip(LinkTypes.RAW, ipv6("::1", "::2", 58, new byte[8])));
  }

  @Test
  void ipv6_extensionHeaderLongerThanThePayloadIsBad() {
    byte[] lying = ipv6Extension(6, 1);
    lying[1] = (byte) 200;
    assertEquals(SkipReason.BAD_IPV6_EXTENSION_HEADER,
        decoding.skip(LinkTypes.RAW, ipv6("::1", "::2", 0, concat(lying, TCP_SYN))));
  }

  @Test
  void ipv6_extensionHeaderCutByTheCaptureIsBad() {
    byte[] packet = ipv6("::1", "::2", 60, concat(ipv6Extension(6, 1), TCP_SYN));
    assertEquals(SkipReason.BAD_IPV6_EXTENSION_HEADER, decoding.skip(LinkTypes.RAW, packet, 41, packet.length));
  }

  @Test
  void ipv6_endlessExtensionHeadersAreBad() {
    byte[] chain = new byte[0];
    for (int i = 0; i < 20; i++) {
      chain = concat(chain, ipv6Extension(60, 1));
    }
    assertEquals(SkipReason.BAD_IPV6_EXTENSION_HEADER,
        decoding.skip(LinkTypes.RAW, ipv6("::1", "::2", 60, chain)));
  }

  @Test
  void ipv6_atomicFragmentIsTheWholeDatagram() {
    byte[] packet = ipv6("::1", "::2", 44, concat(ipv6Fragment(6, 0, false, 7), TCP_DATA));
    assertEquals(100, decoding.tcp(LinkTypes.RAW, packet).payloadLength());
  }

  @Test
  void ipv6_truncatedHeaderAndZeroPayloadLength() {
    byte[] packet = ipv6("::1", "::2", 6, TCP_DATA);
    assertEquals(SkipReason.TRUNCATED_IPV6_HEADER, decoding.skip(LinkTypes.RAW, packet, 39, packet.length));
    packet[4] = 0;
    packet[5] = 0;
    assertEquals(100, decoding.tcp(LinkTypes.RAW, packet).payloadLength());
  }

  @Test
  void tunnel_ipInIpCountsTheInnerConnection() {
    byte[] inner = ipv4().src("192.168.1.1").dst("192.168.1.2").build(TCP_SYN);
    byte[] outer = ipv4().src("203.0.113.1").dst("203.0.113.2").protocol(4).build(inner);
    assertIpv4(decoding.tcp(LinkTypes.RAW, outer), "192.168.1.1", "192.168.1.2");
  }

  @Test
  void tunnel_6in4And4in6() {
    byte[] inner6 = ipv6("2001:470:1f17:13f::1", "2a03:2880::2", 6, TCP_SYN);
    byte[] outer4 = ipv4().src("203.0.113.1").dst("203.0.113.2").protocol(41).build(inner6);
    assertIpv6(decoding.tcp(LinkTypes.RAW, outer4), "2001:470:1f17:13f::1", "2a03:2880::2");
    byte[] inner4 = ipv4().src("192.168.1.1").dst("192.168.1.2").build(TCP_SYN);
    assertIpv4(decoding.tcp(LinkTypes.RAW, ipv6("2001:db8::1", "2001:db8::2", 4, inner4)),
        "192.168.1.1", "192.168.1.2");
  }

  @Test
  void tunnel_innerPayloadIsBoundedByTheOuterLength() {
    byte[] inner = ipv4().build(tcp(1234, 80, 1, 1, ACK, 10));
    byte[] outer = ipv4().protocol(4).build(concat(inner, new byte[6]));
    assertEquals(10, decoding.tcp(LinkTypes.RAW, outer).payloadLength());
  }

  @Test
  void tunnel_nestingIsBounded() {
    byte[] packet = ipv4().build(TCP_SYN);
    for (int i = 0; i < 3; i++) {
      packet = ipv4().protocol(4).build(packet);
    }
    assertPorts(decoding.tcp(LinkTypes.RAW, packet), 1234, 80);
    packet = ipv4().protocol(4).build(packet);
    assertEquals(SkipReason.TUNNEL_TOO_DEEP, decoding.skip(LinkTypes.RAW, packet));
  }

  @Test
  void ipv4_authenticationHeaderIsSkipped() {
    byte[] ah = concat(hex("06 04 00 00 00 00 01 00 00 00 00 01"), new byte[12]);
    assertPorts(decoding.tcp(LinkTypes.RAW, ipv4().protocol(51).build(concat(ah, TCP_SYN))), 1234, 80);
    byte[] lying = hex("06 40 00 00 00 00 01 00");
    assertEquals(SkipReason.OTHER_IP_PROTOCOL,
        decoding.skip(LinkTypes.RAW, ipv4().protocol(51).build(concat(lying, TCP_SYN))));
  }
}
