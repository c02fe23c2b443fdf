package io.portflow.analyze.communityid;

/**
 * The ICMP message types that have a counterpart (request and reply), as the Community ID spec
 * takes them from Zeek's {@code ICMP4_counterpart} / {@code ICMP6_counterpart}. -1: none, the
 * message is one-way.
 */
final class IcmpPairs {
  private IcmpPairs() {}

  static int v4(int type) {
    switch (type) {
      case 8: return 0; // echo request -> echo reply
      case 0: return 8;
      case 13: return 14; // timestamp
      case 14: return 13;
      case 15: return 16; // information
      case 16: return 15;
      case 10: return 9; // router solicitation -> advertisement (not the other way round)
      case 17: return 18; // address mask
      case 18: return 17;
      default: return -1;
    }
  }

  static int v6(int type) {
    switch (type) {
      case 128: return 129; // echo request -> echo reply
      case 129: return 128;
      case 133: return 134; // router solicitation / advertisement
      case 134: return 133;
      case 135: return 136; // neighbor solicitation / advertisement
      case 136: return 135;
      case 130: return 131; // multicast listener query / report
      case 131: return 130;
      case 139: return 140; // node information query / reply ("who are you")
      case 140: return 139;
      case 144: return 145; // home agent address discovery request / reply
      case 145: return 144;
      default: return -1;
    }
  }
}
