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
  int hash;
  /** True when the segment was sent by side a. */
  boolean fromA;

  void set(Segment segment) {
    protocol = segment.protocol();
    ipVersion = segment.ipVersion();
    vlanOuter = segment.vlanOuter();
    vlanInner = segment.vlanInner();
    fromA = compare(segment) <= 0;
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
    hash = hash();
  }

  /** Orders source against destination by unsigned address, then port. */
  private static int compare(Segment segment) {
    int byHi = Long.compareUnsigned(segment.srcHi(), segment.dstHi());
    if (byHi != 0) {
      return byHi;
    }
    int byLo = Long.compareUnsigned(segment.srcLo(), segment.dstLo());
    return byLo != 0 ? byLo : Integer.compare(segment.srcPort(), segment.dstPort());
  }

  private int hash() {
    long h = (long) protocol << 8 | ipVersion;
    h = h * 0x9e3779b97f4a7c15L + aHi;
    h = h * 0x9e3779b97f4a7c15L + aLo;
    h = h * 0x9e3779b97f4a7c15L + bHi;
    h = h * 0x9e3779b97f4a7c15L + bLo;
    h = h * 0x9e3779b97f4a7c15L + ((long) aPort << 16 | bPort);
    h = h * 0x9e3779b97f4a7c15L + ((long) vlanOuter << 32 ^ vlanInner);
    // MurmurHash3 fmix64: every input bit reaches the low bits the table indexes by.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
