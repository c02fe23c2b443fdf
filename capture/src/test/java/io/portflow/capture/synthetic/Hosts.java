package io.portflow.capture.synthetic;

import java.util.SplittableRandom;

/**
 * The address plan: client hosts in 10.1.0.0/16 and 2001:db8:1::/64 (a few behind VLAN tags),
 * servers in the documentation ranges, one resolver per IP version. Each client hands out its
 * ephemeral ports in increasing order, so no 4-tuple is ever used twice and tshark's
 * conversation table and {@code tcp.stream} agree connection for connection.
 */
final class Hosts {
  private static final int IPV4_CLIENTS = 2000;
  private static final int IPV6_CLIENTS = 500;
  private static final int IPV4_SERVERS = 200;
  private static final int IPV6_SERVERS = 50;
  private static final int EPHEMERAL_LOW = 32768;
  private static final int EPHEMERAL_HIGH = 60999;
  private static final long ROUTER_MAC = 0x02_00_5e_00_00_01L;
  /** Server ports and how often each is picked (out of the sum). */
  private static final int[] PORTS = {443, 80, 22, 3306, 5432, 6379, 8080, 8443, 25, 993, 9200, 27017, 5201};
  private static final int[] WEIGHTS = {50, 18, 4, 5, 4, 5, 4, 3, 2, 2, 1, 1, 1};

  private final TrafficMix mix;
  private final int[] nextPort4 = new int[IPV4_CLIENTS];
  private final int[] nextPort6 = new int[IPV6_CLIENTS];
  private final int[] dnsPort4 = new int[IPV4_CLIENTS];
  private final int[] dnsPort6 = new int[IPV6_CLIENTS];
  private final int weightSum;

  Hosts(TrafficMix mix) {
    this.mix = mix;
    SplittableRandom start = new SplittableRandom(mix.seed() ^ 0x5eed_a11c_e5L);
    for (int i = 0; i < IPV4_CLIENTS; i++) {
      nextPort4[i] = start.nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH);
      dnsPort4[i] = start.nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH);
    }
    for (int i = 0; i < IPV6_CLIENTS; i++) {
      nextPort6[i] = start.nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH);
      dnsPort6[i] = start.nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH);
    }
    int sum = 0;
    for (int w : WEIGHTS) {
      sum += w;
    }
    weightSum = sum;
  }

  /** A new connection from a random client to a random server. */
  Conversation connection(SplittableRandom random) {
    boolean v6 = random.nextDouble() < mix.ipv6Share();
    int client = random.nextInt(v6 ? IPV6_CLIENTS : IPV4_CLIENTS);
    int server = random.nextInt(v6 ? IPV6_SERVERS : IPV4_SERVERS);
    int port = nextPort(v6 ? nextPort6 : nextPort4, client, random);
    return conversation(v6, client, serverAddress(v6, server), port, serverPort(random));
  }

  /** The DNS lookup {@code connection}'s client makes first, from its own resolver port. */
  Conversation lookup(Conversation connection, SplittableRandom random) {
    boolean v6 = connection.ipVersion() == 6;
    int client = clientIndex(connection);
    int port = nextPort(v6 ? dnsPort6 : dnsPort4, client, random);
    return conversation(v6, client, resolverAddress(v6), port, 53);
  }

  private Conversation conversation(boolean v6, int client, byte[] server, int clientPort, int serverPort) {
    int outer = -1;
    int inner = -1;
    double tag = (client * 0.6180339887) % 1.0; // the same hosts are tagged in every run
    if (tag < mix.qinqShare()) {
      outer = 300;
      inner = 10 + client % 5;
    } else if (tag < mix.qinqShare() + mix.vlanShare()) {
      outer = 100 + 100 * (client % 2);
    }
    return new Conversation(v6 ? 6 : 4, clientAddress(v6, client), server, clientPort, serverPort,
        outer, inner, 0x02_00_00_00_00_00L | (v6 ? 0x10000 : 0) | client, ROUTER_MAC);
  }

  private static int nextPort(int[] ports, int client, SplittableRandom random) {
    int port = ports[client];
    int next = port + 1 + random.nextInt(2);
    ports[client] = next > EPHEMERAL_HIGH ? EPHEMERAL_LOW : next;
    return port;
  }

  private int serverPort(SplittableRandom random) {
    int pick = random.nextInt(weightSum);
    for (int i = 0; i < PORTS.length; i++) {
      pick -= WEIGHTS[i];
      if (pick < 0) {
        return PORTS[i];
      }
    }
    return PORTS[0];
  }

  private static int clientIndex(Conversation c) {
    byte[] a = c.clientAddress();
    return c.ipVersion() == 6 ? (a[14] & 0xff) << 8 | (a[15] & 0xff) : (a[2] & 0xff) << 8 | (a[3] & 0xff);
  }

  private static byte[] clientAddress(boolean v6, int index) {
    byte[] a = new byte[16];
    if (v6) {
      ipv6Prefix(a, 0x0001);
      a[14] = (byte) (index >>> 8);
      a[15] = (byte) index;
    } else {
      a[0] = 10;
      a[1] = 1;
      a[2] = (byte) (index >>> 8);
      a[3] = (byte) index;
    }
    return a;
  }

  private static byte[] serverAddress(boolean v6, int index) {
    byte[] a = new byte[16];
    if (v6) {
      ipv6Prefix(a, 0xffff);
      a[15] = (byte) (index + 1);
    } else if (index < 100) {
      a[0] = (byte) 192;
      a[2] = 2;
      a[3] = (byte) (index + 1);
    } else {
      a[0] = (byte) 198;
      a[1] = 51;
      a[2] = 100;
      a[3] = (byte) (index - 99);
    }
    return a;
  }

  private static byte[] resolverAddress(boolean v6) {
    byte[] a = new byte[16];
    if (v6) {
      ipv6Prefix(a, 0x0053);
      a[15] = 0x53;
    } else {
      a[0] = 10;
      a[3] = 53;
    }
    return a;
  }

  /** 2001:db8:{subnet}::/64. */
  private static void ipv6Prefix(byte[] a, int subnet) {
    a[0] = 0x20;
    a[1] = 0x01;
    a[2] = 0x0d;
    a[3] = (byte) 0xb8;
    a[4] = (byte) (subnet >>> 8);
    a[5] = (byte) subnet;
  }
}
