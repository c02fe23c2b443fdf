package io.portflow.analyze.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IpTextTest {
  @Test
  void ipv4_dottedQuadWithUnsignedOctets() {
    assertEquals("192.168.255.1", IpText.format(4, 0, 0xc0a8ff01L));
    assertEquals("0.0.0.0", IpText.ipv4(0));
    assertEquals("255.255.255.255", IpText.ipv4(-1));
  }

  @Test
  void ipv6_rfc5952() {
    assertEquals("2001:db8::1", IpText.ipv6(0x20010db800000000L, 1));
    assertEquals("::1", IpText.ipv6(0, 1));
    assertEquals("::", IpText.ipv6(0, 0));
    assertEquals("fe80::", IpText.ipv6(0xfe80000000000000L, 0));
    assertEquals("2001:db8:0:1:1:1:1:1", IpText.ipv6(0x20010db800000001L, 0x0001000100010001L),
        "a single zero group is not compressed");
    assertEquals("2001:0:0:1::1", IpText.ipv6(0x2001000000000001L, 1),
        "the longer run is compressed");
    assertEquals("2001:db8::1:0:0:1", IpText.ipv6(0x20010db800000000L, 0x0001000000000001L),
        "the first of equal runs is compressed");
    assertEquals("2a03:2880:1010:6f03:face:b00c:0:2", IpText.ipv6(0x2a03288010106f03L, 0xfaceb00c00000002L));
  }

  @Test
  void ipv6_mappedIpv4KeepsTheDottedQuad() {
    assertEquals("::ffff:192.0.2.1", IpText.ipv6(0, 0x0000ffffc0000201L));
  }

  @Test
  void of_bytesInNetworkOrderAsFlowRecordsWriteThem() {
    assertEquals("10.77.0.1", IpText.of(new byte[] {10, 77, 0, 1}));
    assertEquals("255.255.255.255", IpText.of(new byte[] {-1, -1, -1, -1}));
    byte[] v6 = new byte[16];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[2] = 0x0d;
    v6[3] = (byte) 0xb8;
    v6[15] = 1;
    assertEquals("2001:db8::1", IpText.of(v6));
    assertEquals("::", IpText.of(new byte[16]));
    v6 = new byte[16];
    v6[10] = -1;
    v6[11] = -1;
    v6[12] = (byte) 192;
    v6[15] = 1;
    assertEquals("::ffff:192.0.0.1", IpText.of(v6));
  }

  /** Groups zero half the time, so that runs of every length and place come up. */
  @Test
  void randomAddresses_sameTextAsTheRulesSpelledOut() {
    Random random = new Random(5952);
    for (int i = 0; i < 20_000; i++) {
      int v4 = random.nextInt();
      assertEquals(reference4(v4), IpText.ipv4(v4));
      long hi = 0;
      long lo = 0;
      for (int g = 0; g < 4; g++) {
        hi = hi << 16 | (random.nextBoolean() ? 0 : randomGroup(random));
        lo = lo << 16 | (random.nextBoolean() ? 0 : randomGroup(random));
      }
      assertEquals(reference6(hi, lo), IpText.ipv6(hi, lo),
          Long.toHexString(hi) + " " + Long.toHexString(lo));
    }
  }

  /** 1 to 4 hex digits alike. */
  private static int randomGroup(Random random) {
    return random.nextInt(1 << (4 * (1 + random.nextInt(4))));
  }

  private static String reference4(int address) {
    return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
        + (address & 0xff);
  }

  /** RFC 5952 step by step: groups, the longest zero run of two or more (the first), hex. */
  private static String reference6(long hi, long lo) {
    if (hi == 0 && lo >>> 32 == 0xffff) {
      return "::ffff:" + reference4((int) lo);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int start = 0; start < 8; start++) {
      int end = start;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - start > bestLength) {
        bestStart = start;
        bestLength = end - start;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
      } else {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
          text.append(':');
        }
        text.append(Integer.toHexString(groups[i]));
      }
    }
    return text.toString();
  }

  @Test
  void of_otherLengthsAreRejected() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> IpText.of(new byte[6]));
    assertEquals("invalid address length: 6 bytes (expected: 4 or 16)", e.getMessage());
  }
}
