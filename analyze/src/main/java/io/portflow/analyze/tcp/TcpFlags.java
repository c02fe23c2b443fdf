package io.portflow.analyze.tcp;

/** TCP header flag bits, as they sit in byte 13 of the header. */
public final class TcpFlags {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  private TcpFlags() {}

  static boolean fin(int flags) {
    return (flags & FIN) != 0;
  }

  static boolean syn(int flags) {
    return (flags & SYN) != 0;
  }

  static boolean rst(int flags) {
    return (flags & RST) != 0;
  }

  static boolean ack(int flags) {
    return (flags & ACK) != 0;
  }

  /** SYN, FIN or RST: what most rules look for, and most segments do not carry. */
  static boolean control(int flags) {
    return (flags & (SYN | FIN | RST)) != 0;
  }
}
