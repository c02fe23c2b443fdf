package io.portflow.analyze.communityid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Vectors from corelight/community-id-spec at c4ec2bc40d65ddbcbdd642582bf5609797a80772:
 * baseline/README.md (the "Default settings", "seed=1" and "No base64" tables) and
 * baseline/baseline_deflt.json / baseline_seed1.json (made from pcaps/combined.pcap.gz).
 */
class CommunityIdTest {
  private final CommunityId ids = new CommunityId();

  @Test
  void readmeTable_tcpUdpSctp_bothDirections() {
    byte[] a = ip("1.2.3.4");
    byte[] b = ip("5.6.7.8");
    assertEquals("1:wCb3OG7yAFWelaUydu0D+125CLM=", ids.of(CommunityId.TCP, a, 1122, b, 3344));
    assertEquals("1:wCb3OG7yAFWelaUydu0D+125CLM=", ids.of(CommunityId.TCP, b, 3344, a, 1122));
    assertEquals("1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=", ids.of(CommunityId.UDP, a, 1122, b, 3344));
    assertEquals("1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=", ids.of(CommunityId.UDP, b, 3344, a, 1122));
    assertEquals("1:EKt4MsxuyaE6mL+hmrEkQ9csDD8=", ids.of(CommunityId.SCTP, a, 1122, b, 3344));
  }

  @Test
  void readmeTable_icmpRequestAndReplyShareAnId() {
    byte[] a = ip("1.2.3.4");
    byte[] b = ip("5.6.7.8");
    assertEquals("1:crodRHL2FEsHjbv3UkRrfbs4bZ0=", ids.icmp(a, b, 8, 0));
    assertEquals("1:crodRHL2FEsHjbv3UkRrfbs4bZ0=", ids.icmp(b, a, 0, 0));
    assertEquals("1:f/YiSyWqczrTgfUCZlBUnvHRcPk=", ids.icmp(a, b, 11, 0), "one-way");
  }

  @Test
  void readmeTable_icmpv6() {
    byte[] a = ip("fe80:0001:0203:0405:0607:0809:0A0B:0C0D");
    byte[] b = ip("fe80:1011:1213:1415:1617:1819:1A1B:1C1D");
    assertEquals("1:0bf7hyMJUwt3fMED7z8LIfRpBeo=", ids.icmp(a, b, 128, 0));
    assertEquals("1:0bf7hyMJUwt3fMED7z8LIfRpBeo=", ids.icmp(b, a, 129, 0));
    assertEquals("1:fYC8+pz24E+EhANP1EZhpX0Dw10=", ids.icmp(a, b, 146, 0), "one-way");
  }

  @Test
  void readmeTable_portlessProtocol() {
    assertEquals("1:ikv3kmf89luf73WPz1jOs49S768=", ids.of(46, ip("1.2.3.4"), ip("5.6.7.8")));
    assertEquals("1:ikv3kmf89luf73WPz1jOs49S768=", ids.of(46, ip("5.6.7.8"), ip("1.2.3.4")));
    assertEquals(
        "1:wQ/2mwrnXP4lmJcHdGL5ePjR+e0=",
        ids.of(46, ip("fe80:0001:0203:0405:0607:0809:0A0B:0C0D"),
            ip("fe80:1011:1213:1415:1617:1819:1A1B:1C1D")));
  }

  @Test
  void readmeTable_seedOne() {
    CommunityId seeded = new CommunityId(1);
    byte[] a = ip("1.2.3.4");
    byte[] b = ip("5.6.7.8");
    assertEquals("1:HhA1B+6CoLbiKPEs5nhNYN4XWfk=", seeded.of(CommunityId.TCP, a, 1122, b, 3344));
    assertEquals("1:OShq+iKDAMVouh/4bMxB9Sz4amw=", seeded.of(CommunityId.UDP, a, 1122, b, 3344));
    assertEquals("1:9pr4ZGTICiuZoIh90RRYE2RyXpU=", seeded.icmp(a, b, 8, 0));
    assertEquals("1:/buhqeOmaRCopOZFy9HnoJd5XW8=", seeded.of(46, a, b));
  }

  @Test
  void readmeTable_noBase64_isTheSameDigest() {
    String id = ids.of(CommunityId.TCP, ip("1.2.3.4"), 1122, ip("5.6.7.8"), 3344);
    byte[] digest = Base64.getDecoder().decode(id.substring(2));
    assertEquals("c026f7386ef200559e95a53276ed03fb5db908b3", HexFormat.of().formatHex(digest));
  }

  @Test
  void baselineJson_realFlows() {
    assertEquals(
        "1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        ids.of(CommunityId.TCP, ip("128.232.110.120"), 34855, ip("66.35.250.204"), 80));
    assertEquals(
        "1:LQU9qZlK+B5F3KDmev6m5PMibrg=",
        ids.of(CommunityId.TCP, ip("66.35.250.204"), 80, ip("128.232.110.120"), 34855));
    assertEquals(
        "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=",
        ids.of(CommunityId.TCP, ip("2001:470:e5bf:dead:4957:2174:e82c:4887"), 63943,
            ip("2607:f8b0:400c:c03::1a"), 25));
    assertEquals(
        "1:d/FP5EW3wiY1vCndhwleRRKHowQ=",
        ids.of(CommunityId.UDP, ip("192.168.1.52"), 54585, ip("8.8.8.8"), 53));
    assertEquals(
        "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=",
        ids.of(CommunityId.SCTP, ip("192.168.170.8"), 7, ip("192.168.170.56"), 7));
  }

  @Test
  void baselineJson_icmp() {
    byte[] h1 = ip("fe80::200:86ff:fe05:80da");
    byte[] h2 = ip("fe80::260:97ff:fe07:69ea");
    assertEquals("1:dGHyGvjMfljg6Bppwm3bg0LO8TY=", ids.icmp(h1, h2, 135, 0));
    assertEquals("1:dGHyGvjMfljg6Bppwm3bg0LO8TY=", ids.icmp(h2, h1, 136, 0));
    assertEquals("1:zavyT/cezQr1fmImYCwYnMXbgck=", ids.icmp(h2, h1, 135, 0));
    assertEquals(
        "1:hLZd0XGWojozrvxqE0dWB1iM6R0=",
        ids.icmp(ip("3ffe:501:410:0:2c0:dfff:fe47:33e"), ip("3ffe:507:0:1:200:86ff:fe05:80da"),
            1, 4));
    assertEquals("1:YHxtAirCG//0OzkcVAukqKQN9xM=", ids.icmp(ip("10.0.0.1"), ip("10.0.0.2"), 11, 0));
    assertEquals(
        "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", ids.icmp(ip("192.168.0.89"), ip("192.168.0.1"), 8, 0));
  }

  @Test
  void baselineJson_seedOne() {
    assertEquals(
        "1:eJYTW6AOzFLlSUoESovMjnu7rMw=",
        new CommunityId(1).of(CommunityId.TCP, ip("2607:f8b0:400c:c03::1a"), 25,
            ip("2001:470:e5bf:dead:4957:2174:e82c:4887"), 63943));
  }

  @Test
  void addressesReadInPlace_fromAFrameBuffer() {
    byte[] frame = new byte[64];
    System.arraycopy(ip("66.35.250.204"), 0, frame, 26, 4); // IPv4 source after Ethernet
    System.arraycopy(ip("128.232.110.120"), 0, frame, 30, 4);
    assertEquals(
        "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", ids.of(CommunityId.TCP, frame, 26, 30, 4, 80, 34855));
  }

  @Test
  void addressesAsTheFlowTableHoldsThem_readmeTable() {
    assertEquals("1:wCb3OG7yAFWelaUydu0D+125CLM=",
        ids.of(CommunityId.TCP, 4, 0, 0x01020304L, 1122, 0, 0x05060708L, 3344));
    assertEquals("1:wCb3OG7yAFWelaUydu0D+125CLM=",
        ids.of(CommunityId.TCP, 4, 0, 0x05060708L, 3344, 0, 0x01020304L, 1122));
    assertEquals("1:eJYTW6AOzFLlSUoESovMjnu7rMw=",
        new CommunityId(1).of(CommunityId.TCP, 6, 0x2607f8b0400c0c03L, 0x1aL, 25,
            0x20010470e5bfdeadL, 0x49572174e82c4887L, 63943));
  }

  /**
   * Random flows, many with a shared address or prefix or port, IPv4 and IPv6, every seed kind:
   * both forms of the call give what the spec's recipe gives with the JDK's SHA-1 and base64.
   */
  @Test
  void randomFlows_sameIdsAsMessageDigestAndBase64() throws NoSuchAlgorithmException {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    Random random = new Random(0xc0ffeeL);
    int[] protocols = {CommunityId.TCP, CommunityId.UDP, CommunityId.SCTP};
    for (int i = 0; i < 5000; i++) {
      int seed = random.nextBoolean() ? 0 : random.nextInt(0x10000);
      int protocol = protocols[random.nextInt(protocols.length)];
      int version = random.nextBoolean() ? 4 : 6;
      byte[] a = new byte[version == 4 ? 4 : 16];
      random.nextBytes(a);
      byte[] b = a.clone();
      int shared = random.nextInt(a.length + 1); // a common prefix, the whole address at most
      for (int j = shared; j < b.length; j++) {
        b[j] = (byte) random.nextInt(0x100);
      }
      int aPort = random.nextInt(0x10000);
      int bPort = random.nextInt(4) == 0 ? aPort : random.nextInt(0x10000);
      String expected = reference(sha1, seed, protocol, a, aPort, b, bPort);
      CommunityId id = new CommunityId(seed);
      String context = version + " " + HexFormat.of().formatHex(a) + " " + aPort + " "
          + HexFormat.of().formatHex(b) + " " + bPort + " seed " + seed;
      assertEquals(expected, id.of(protocol, a, aPort, b, bPort), context);
      assertEquals(expected, id.of(protocol, version, hi(a), lo(a), aPort, hi(b), lo(b), bPort),
          context);
    }
  }

  @Test
  void sameAddress_orderedByPort() {
    byte[] a = ip("10.0.0.1");
    assertEquals(ids.of(CommunityId.TCP, a, 5000, a, 80), ids.of(CommunityId.TCP, a, 80, a, 5000));
  }

  @Test
  void badInput_isRejectedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> ids.of(CommunityId.TCP, new byte[4], 1, new byte[16], 2));
    assertEquals("address lengths: 4 and 16 (expected: both 4 or both 16)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ids.of(CommunityId.TCP, new byte[4], 70000, new byte[4], 2));
    assertEquals("source port: 70000 (expected: 0 ~ 65535)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ids.of(CommunityId.TCP, 5, 0, 1, 1, 0, 2, 2));
    assertEquals("IP version: 5 (expected: 4 or 6)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CommunityId(-1));
    assertEquals("seed: -1 (expected: 0 ~ 65535)", e.getMessage());
  }

  /** The spec's recipe, step by step, with the JDK's SHA-1 and base64. */
  private static String reference(MessageDigest sha1, int seed, int protocol, byte[] a, int aPort,
      byte[] b, int bPort) {
    int cmp = Arrays.compareUnsigned(a, b);
    boolean swap = cmp > 0 || (cmp == 0 && aPort > bPort);
    ByteBuffer input = ByteBuffer.allocate(2 + 2 * a.length + 2 + 4);
    input.putShort((short) seed);
    input.put(swap ? b : a).put(swap ? a : b);
    input.put((byte) protocol).put((byte) 0);
    input.putShort((short) (swap ? bPort : aPort)).putShort((short) (swap ? aPort : bPort));
    return "1:" + Base64.getEncoder().encodeToString(sha1.digest(input.array()));
  }

  /** An IPv6 address's first eight bytes; for IPv4, noise, which must not matter. */
  private static long hi(byte[] address) {
    return address.length == 4 ? 0x5eed5eed5eed5eedL : ByteBuffer.wrap(address).getLong(0);
  }

  /** An IPv6 address's last eight bytes; IPv4 in the low 32 bits, noise above them. */
  private static long lo(byte[] address) {
    return address.length == 4
        ? 0x5eed5eed00000000L | (ByteBuffer.wrap(address).getInt(0) & 0xffffffffL)
        : ByteBuffer.wrap(address).getLong(8);
  }

  private static byte[] ip(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError(literal, e);
    }
  }
}
