package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Socket tables as Linux 6.x prints them (x86-64). */
class ProcNetTest {
  static final String TCP = """
        sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
         0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21504 1 0000000000000000 100 0 0 10 0
         1: 01004D0A:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000    33        0 31337 1 0000000000000000 100 0 0 10 0
         2: 01004D0A:1F90 02004D0A:C822 01 00000000:00000000 00:00000000 00000000    33        0 31338 1 0000000000000000 20 4 30 10 -1
         3: 01004D0A:1F90 02004D0A:C820 06 00000000:00000000 03:000012B5 00000000     0        0 0 3 0000000000000000
        """;

  static final String TCP6 = """
        sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
         0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 40001 1 0000000000000000 100 0 0 10 0
         1: 0000000000000000FFFF000001004D0A:0050 0000000000000000FFFF000002004D0A:D431 01 00000000:00000000 00:00000000 00000000    33        0 40002 1 0000000000000000 20 4 30 10 -1
        """;

  static final String UDP = """
       sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
       10: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 17003 2 0000000000000000 0
       11: 01004D0A:E1E3 0101A8C0:0035 01 00000000:00000000 00:00000000 00000000  1000        0 17004 2 0000000000000000 0
      """;

  @Test
  void tcp_listenersConnectionsAndTimeWait() {
    List<SocketEntry> e = ProcNet.parse("tcp", false, TCP, ByteOrder.LITTLE_ENDIAN);
    assertEquals(4, e.size());
    assertEquals(new SocketEntry("tcp", "0.0.0.0", 22, "0.0.0.0", 0, 0x0a, 0, 21504, false), e.get(0));
    assertTrue(e.get(0).listening());
    assertTrue(e.get(0).wildcardLocal());
    assertEquals(new SocketEntry("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, 0x01, 33, 31338, false), e.get(2));
    assertFalse(e.get(2).listening());
    assertEquals(0, e.get(3).inode());
    assertEquals(6, e.get(3).state());
  }

  @Test
  void tcp6_wildcardAndMappedIpv4() {
    List<SocketEntry> e = ProcNet.parse("tcp", true, TCP6, ByteOrder.LITTLE_ENDIAN);
    assertEquals(new SocketEntry("tcp", "::", 80, "::", 0, 0x0a, 0, 40001, true), e.get(0));
    assertEquals(new SocketEntry("tcp", "10.77.0.1", 80, "10.77.0.2", 54321, 0x01, 33, 40002, true), e.get(1));
  }

  @Test
  void udp_unconnectedSocketsListen() {
    List<SocketEntry> e = ProcNet.parse("udp", false, UDP, ByteOrder.LITTLE_ENDIAN);
    assertEquals(2, e.size());
    assertEquals("127.0.0.53", e.get(0).localIp());
    assertEquals(53, e.get(0).localPort());
    assertTrue(e.get(0).listening());
    assertEquals("192.168.1.1", e.get(1).remoteIp());
    assertFalse(e.get(1).listening());
  }

  @Test
  void garbageLinesAreSkipped() {
    String text = TCP + "   4: nonsense\n   5: 0100007F:0050 0100007F:ZZZZ 01 0 0 0 0 0 0 1\n\n";
    assertEquals(4, ProcNet.parse("tcp", false, text, ByteOrder.LITTLE_ENDIAN).size());
  }
}
