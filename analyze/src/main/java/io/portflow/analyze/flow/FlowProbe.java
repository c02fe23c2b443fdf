package io.portflow.analyze.flow;

import io.portflow.analyze.decode.Segment;

/**
 * The canonical key (transport, addresses, ports, VLAN ids) of the current segment, reused for every lookup so that finding a flow
 * allocates nothing. Side a is the endpoint that sorts first by (address, port), so both directions
 * of a connection produce the same key.
 */
final class FlowProbe {
  /** {@link Segment#TCP} or {@link Segment#UDP}. */
  int protocol;
  int ipVersion;
  long aHi;
  long aLo;
  long bHi;
  long bLo;
  int aPort;
  int bPort;
  int vlanOuter;
  int vlanInner;
  /** Ports, transport and IP version in one word, so that a lookup compares them at once. */
  long ports;
  /** Both VLAN ids in one word. */
  long vlans;
  int hash;
  /** True when the segment was sent by side a. */
  boolean fromA;

  void set(Segment segment) {
    protocol = segment.protocol();
    ipVersion = segment.ipVersion();
    vlanOuter = segment.vlanOuter();
    vlanInner = segment.vlanInner();
    fromA = sourceSortsFirst(segment);
    if (fromA) {
      aHi = segment.srcHi();
      aLo = segment.srcLo();
      aPort = segment.srcPort();
      bHi = segment.dstHi();
      bLo = segment.dstLo();
      bPort = segment.dstPort();
    } else {
      aHi = segment.dstHi();
      aLo = segment.dstLo();
      aPort = segment.dstPort();
      bHi = segment.srcHi();
      bLo = segment.srcLo();
      bPort = segment.srcPort();
    }
    ports = packPorts(aPort, bPort, protocol, ipVersion);
    vlans = packVlans(vlanOuter, vlanInner);
    hash = hash();
  }

  private static long packPorts(int aPort, int bPort, int protocol, int ipVersion) {
    return (long) aPort << 48 | (long) bPort << 32 | protocol << 8 | ipVersion;
  }

  private static long packVlans(int vlanOuter, int vlanInner) {
    return (long) vlanOuter << 32 | (vlanInner & 0xffffffffL);
  }

  /** Whether the source sorts first (or equals the destination): by unsigned address, then port. */
  private static boolean sourceSortsFirst(Segment segment) {
    long srcHi = segment.srcHi();
    long dstHi = segment.dstHi();
    if (srcHi != dstHi) {
      return Long.compareUnsigned(srcHi, dstHi) < 0;
    }
    long srcLo = segment.srcLo();
    long dstLo = segment.dstLo();
    if (srcLo != dstLo) {
      return Long.compareUnsigned(srcLo, dstLo) < 0;
    }
    return segment.srcPort() <= segment.dstPort();
  }

  /**
   * Independent products, summed, then one multiply-xorshift round that brings the high bits down
   * to the low ones the table indexes by: the products do not wait for each other, as the steps
   * of a chained hash would.
   */
  private int hash() {
    long h = aLo * 0x9e3779b97f4a7c15L
        + bLo * 0xc2b2ae3d27d4eb4fL
        + (aHi ^ Long.rotateLeft(bHi, 32)) * 0x165667b19e3779f9L
        + (ports ^ Long.rotateLeft(vlans, 16)) * 0xd6e8feb86659fd93L;
    h ^= h >>> 32;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 29;
    return (int) h;
  }
}
