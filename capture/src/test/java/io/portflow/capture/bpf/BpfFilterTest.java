package io.portflow.capture.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.ReaderKind;
import io.portflow.capture.libpcap.Libpcap;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Frame;
import io.portflow.capture.testing.Hex;
import io.portflow.capture.testing.ReadResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected counts come from {@code tcpdump -r F 'EXPR' | wc -l} and, for pcapng with two link types, tshark. */
class BpfFilterTest {
  @BeforeEach
  void needsLibpcap() {
    assumeTrue(Libpcap.isAvailable(), "libpcap is not installed (apt-get install libpcap0.8)");
  }

  private static ReadResult read(String fixture, ReaderKind reader, String filter) throws CaptureException {
    return Captures.read(List.of(Captures.resource(fixture)), reader, filter);
  }

  @Test
  void filter_withBothReaders() throws Exception {
    for (ReaderKind reader : ReaderKind.values()) {
      assertEquals(11, read("dns_tcp.pcap", reader, "tcp").frames().size(), reader.label());
      assertEquals(0, read("dns_tcp.pcap", reader, "udp").frames().size(), reader.label());
      ReadResult syns = read("dns_tcp.pcap", reader, "tcp[tcpflags] & tcp-syn != 0");
      assertEquals(2, syns.frames().size(), reader.label());
      assertNull(syns.error());
    }
  }

  @Test
  void filter_passesTheSameFramesUnchanged() throws Exception {
    List<Frame> all = read("dns_tcp.pcap", ReaderKind.PORTFLOW, null).frames();
    List<Frame> syns = read("dns_tcp.pcap", ReaderKind.PORTFLOW, "tcp[tcpflags] & tcp-syn != 0").frames();
    assertTrue(all.containsAll(syns));
    assertEquals(all.get(0), syns.get(0));
  }

  @Test
  void pcapngWithTwoLinkTypes_isFilteredPerInterface() throws Exception {
    ReadResult sll = read("pcapng-example.pcapng", ReaderKind.PORTFLOW, "tcp port 6000");
    assertEquals(91, sll.frames().size());
    assertTrue(sll.frames().stream().allMatch(f -> f.linkType() == 113));
    ReadResult ethernet = read("pcapng-example.pcapng", ReaderKind.PORTFLOW, "tcp port 3306");
    assertEquals(59, ethernet.frames().size());
    assertTrue(ethernet.frames().stream().allMatch(f -> f.linkType() == 1));
  }

  @Test
  void otherLinkTypes_sll2NullRaw() throws Exception {
    assertEquals(3, read("sll2.pcap", ReaderKind.PORTFLOW, "tcp").frames().size());
    assertEquals(4, read("redis-attr.pcap", ReaderKind.PORTFLOW, "ip6").frames().size());
    assertEquals(6, read("payload-synack.pcap", ReaderKind.PORTFLOW, "ip").frames().size());
  }

  /** BSD loopback headers hold the address family in the writer's byte order; tcpdump -r counts 2 ip6 and 1 ip in both files. */
  @Test
  void bsdLoopback_inEitherByteOrder_filtersLikeTcpdump(@TempDir Path dir) throws Exception {
    String ip6 = "60000000 00000000" + "00".repeat(32);
    String ip4 = "45000014 00000000 40060000 0a000001 0a000002";
    Path bigEndian = Captures.write(dir, "be.pcap", Hex.bytes(
        "a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000000\n"
            + "00000001 00000000 0000002c 0000002c 0000001e " + ip6 + "\n"   // AF_INET6 (Darwin)
            + "00000001 00000000 00000018 00000018 00000002 " + ip4 + "\n"   // AF_INET
            + "00000001 00000000 0000002c 0000002c 00000018 " + ip6 + "\n")); // AF_INET6 (NetBSD)
    Path littleEndian = Captures.write(dir, "le.pcap", Hex.bytes(
        "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 00000000\n"
            + "01000000 00000000 2c000000 2c000000 1e000000 " + ip6 + "\n"
            + "01000000 00000000 18000000 18000000 02000000 " + ip4 + "\n"
            + "01000000 00000000 2c000000 2c000000 1c000000 " + ip6 + "\n")); // AF_INET6 (FreeBSD)
    for (Path file : List.of(bigEndian, littleEndian)) {
      for (ReaderKind reader : ReaderKind.values()) {
        assertEquals(2, Captures.read(List.of(file), reader, "ip6").frames().size(), file + " " + reader);
        assertEquals(1, Captures.read(List.of(file), reader, "ip").frames().size(), file + " " + reader);
      }
    }
  }

  @Test
  void badExpression_isBadFilterWithLibpcapsText() {
    Path file = Captures.resource("dns_tcp.pcap");
    CaptureException e = assertThrows(CaptureException.class,
        () -> Captures.read(List.of(file), ReaderKind.PORTFLOW, "tcp prot 80"));
    assertEquals(Kind.BAD_FILTER, e.kind());
    assertEquals("bad filter 'tcp prot 80': can't parse filter expression: syntax error", e.getMessage());
  }

  @Test
  void expressionThatDoesNotFitTheLinkType_isBadFilter() {
    CaptureException e = assertThrows(CaptureException.class,
        () -> read("payload-synack.pcap", ReaderKind.PORTFLOW, "ether host 00:11:22:33:44:55"));
    assertEquals(Kind.BAD_FILTER, e.kind());
    assertTrue(e.getMessage().startsWith("bad filter 'ether host 00:11:22:33:44:55': "), e.getMessage());
  }
}
