package io.portflow.capture.synthetic;

import java.util.Arrays;

/**
 * The packets of one TCP connection or DNS lookup, planned in full before the first is written
 * and then handed out in time order. Parallel arrays, because a gigabyte holds millions of packets.
 */
final class Script {
  /** TCP options: none (a RST), the SYN set (MSS, SACK permitted, timestamps, window scale), timestamps. */
  static final byte NO_OPTIONS = 0;
  static final byte SYN_OPTIONS = 1;
  static final byte TIMESTAMPS = 2;

  final Conversation conversation;
  final boolean udp;
  /** For a DNS lookup: which name is asked for, and the address the answer gives. */
  final int dnsName;
  final byte[] dnsAnswer;
  /** Whether the generator starts the slot's next connection after this one. */
  final boolean endsSlot;
  final int isnClient;
  final int isnServer;
  final int rttNanos;

  int size;
  long[] time = new long[64];
  boolean[] fromClient = new boolean[64];
  int[] flags = new int[64];
  int[] seq = new int[64];
  int[] ack = new int[64];
  int[] length = new int[64];
  int[] window = new int[64];
  byte[] options = new byte[64];
  /** Index of the next packet to write. */
  int next;
  /** Order of creation, which breaks ties between scripts whose next packets have equal times. */
  long serial;

  Script(Conversation conversation, boolean udp, int dnsName, byte[] dnsAnswer, boolean endsSlot,
      int isnClient, int isnServer, int rttNanos) {
    this.conversation = conversation;
    this.udp = udp;
    this.dnsName = dnsName;
    this.dnsAnswer = dnsAnswer;
    this.endsSlot = endsSlot;
    this.isnClient = isnClient;
    this.isnServer = isnServer;
    this.rttNanos = rttNanos;
  }

  void add(long at, boolean client, int tcpFlags, int sequence, int acknowledgement, int payload,
      int windowField, byte optionSet) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      fromClient = Arrays.copyOf(fromClient, n);
      flags = Arrays.copyOf(flags, n);
      seq = Arrays.copyOf(seq, n);
      ack = Arrays.copyOf(ack, n);
      length = Arrays.copyOf(length, n);
      window = Arrays.copyOf(window, n);
      options = Arrays.copyOf(options, n);
    }
    time[size] = at;
    fromClient[size] = client;
    flags[size] = tcpFlags;
    seq[size] = sequence;
    ack[size] = acknowledgement;
    length[size] = payload;
    window[size] = windowField;
    options[size] = optionSet;
    size++;
  }

  long nextTime() {
    return time[next];
  }

  boolean done() {
    return next == size;
  }

  long lastTime() {
    return time[size - 1];
  }
}
