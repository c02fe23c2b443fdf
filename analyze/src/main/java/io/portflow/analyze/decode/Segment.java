package io.portflow.analyze.decode;

/**
 * The TCP segment or UDP datagram found in the last decoded frame: addresses, ports, VLAN ids and
 * the TCP fields a flow needs. One instance is reused for every frame, so read it before decoding the next one.
 *
 * <p>Addresses are two longs: an IPv4 address is {@code hi = 0, lo = address & 0xffffffffL}; an
 * IPv6 address is its high and low 64 bits. The IP version tells the two apart.
 */
public final class Segment {
  /** VLAN id of an untagged frame. */
  public static final int NO_VLAN = -1;

  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  /** IP protocol numbers of the transports a segment can hold. */
  public static final int TCP = 6;
  public static final int UDP = 17;

  private int protocol;
  private int ipVersion;
  private long srcHi;
  private long srcLo;
  private long dstHi;
  private long dstLo;
  private int vlanOuter = NO_VLAN;
  private int vlanInner = NO_VLAN;
  private int srcPort;
  private int dstPort;
  private int seq;
  private int ack;
  private int flags;
  private int window;
  private int payloadLength;
  private int capturedPayloadLength;
  private int mss = -1;
  private int windowScale = -1;
  private boolean sackPermitted;
  private int malformations;

  void reset() {
    vlanOuter = NO_VLAN;
    vlanInner = NO_VLAN;
    malformations = 0;
  }

  void markMalformed(Malformation malformation) {
    malformations |= malformation.bit();
  }

  /** Records a VLAN tag: the first is the outer tag, the second the inner; deeper tags are ignored. */
  void addVlan(int id) {
    if (vlanOuter == NO_VLAN) {
      vlanOuter = id;
    } else if (vlanInner == NO_VLAN) {
      vlanInner = id;
    }
  }

  void setIpv4(int src, int dst) {
    ipVersion = 4;
    srcHi = 0;
    srcLo = src & 0xffffffffL;
    dstHi = 0;
    dstLo = dst & 0xffffffffL;
  }

  void setIpv6(long srcHi, long srcLo, long dstHi, long dstLo) {
    ipVersion = 6;
    this.srcHi = srcHi;
    this.srcLo = srcLo;
    this.dstHi = dstHi;
    this.dstLo = dstLo;
  }

  void setTcp(int srcPort, int dstPort, int seq, int ack, int flags, int window,
      int payloadLength, int capturedPayloadLength) {
    this.protocol = TCP;
    this.srcPort = srcPort;
    this.dstPort = dstPort;
    this.seq = seq;
    this.ack = ack;
    this.flags = flags;
    this.window = window;
    this.payloadLength = payloadLength;
    this.capturedPayloadLength = capturedPayloadLength;
  }

  void setUdp(int srcPort, int dstPort, int payloadLength, int capturedPayloadLength) {
    setTcp(srcPort, dstPort, 0, 0, 0, 0, payloadLength, capturedPayloadLength);
    setOptions(-1, -1, false);
    this.protocol = UDP;
  }

  void setOptions(int mss, int windowScale, boolean sackPermitted) {
    this.mss = mss;
    this.windowScale = windowScale;
    this.sackPermitted = sackPermitted;
  }

  /** A datagram put together from fragments was captured whole: all of its payload is present. */
  void markPayloadCaptured() {
    capturedPayloadLength = payloadLength;
  }

  /** {@link #TCP} or {@link #UDP}. A UDP datagram has no sequence numbers, flags or window (all 0). */
  public int protocol() {
    return protocol;
  }

  /** 4 or 6: the version of the IP header that carried the TCP header (the inner one in a tunnel). */
  public int ipVersion() {
    return ipVersion;
  }

  public long srcHi() {
    return srcHi;
  }

  public long srcLo() {
    return srcLo;
  }

  public long dstHi() {
    return dstHi;
  }

  public long dstLo() {
    return dstLo;
  }

  /** Outer 802.1Q / 802.1ad VLAN id, or {@link #NO_VLAN}. */
  public int vlanOuter() {
    return vlanOuter;
  }

  /** Inner VLAN id of a QinQ frame, or {@link #NO_VLAN}. */
  public int vlanInner() {
    return vlanInner;
  }

  public int srcPort() {
    return srcPort;
  }

  public int dstPort() {
    return dstPort;
  }

  /** Sequence number, unsigned 32 bits held in an int. */
  public int seq() {
    return seq;
  }

  /** Acknowledgement number, unsigned 32 bits held in an int. */
  public int ack() {
    return ack;
  }

  /** The 12 flag bits of the TCP header ({@link #SYN}, {@link #ACK}, ...). */
  public int flags() {
    return flags;
  }

  /** The raw 16-bit window field (unscaled): Zeek's history marks a zero window. */
  public int window() {
    return window;
  }

  /** TCP payload bytes: the IP payload length minus the TCP header length, not the captured bytes. */
  public int payloadLength() {
    return payloadLength;
  }

  /**
   * TCP payload bytes present in the captured frame: less than {@link #payloadLength()} when the
   * snapshot length cut the segment short.
   */
  public int capturedPayloadLength() {
    return capturedPayloadLength;
  }

  /** MSS option of a SYN or SYN+ACK, or -1 (absent, or not a SYN). */
  public int mss() {
    return mss;
  }

  /** Window scale shift count offered by a SYN or SYN+ACK, or -1 (absent, or not a SYN). */
  public int windowScale() {
    return windowScale;
  }

  /** Whether a SYN or SYN+ACK offered SACK (option 4). */
  public boolean sackPermitted() {
    return sackPermitted;
  }

  /** The {@link Malformation#bit()}s of the parts of this frame the decoder had to stop reading. */
  public int malformations() {
    return malformations;
  }

  /** SYN without ACK: the first packet of a connection attempt. */
  public boolean isBareSyn() {
    return (flags & (SYN | ACK)) == SYN;
  }

  public boolean isSynAck() {
    return (flags & (SYN | ACK)) == (SYN | ACK);
  }
}
