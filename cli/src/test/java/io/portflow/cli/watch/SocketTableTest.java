package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketTableTest {
  private static SocketEntry listen(String ip, int port, long inode, boolean v6) {
    return new SocketEntry("tcp", ip, port, v6 ? "::" : "0.0.0.0", 0, SocketEntry.TCP_LISTEN, 0, inode, v6);
  }

  @Test
  void listener_specificAddressBeatsWildcard() {
    SocketTable t = new SocketTable(List.of(listen("0.0.0.0", 80, 1, false), listen("10.0.0.5", 80, 2, false)));
    assertEquals(2, t.listener("tcp", "10.0.0.5", 80).inode());
    assertEquals(1, t.listener("tcp", "10.0.0.6", 80).inode());
    assertNull(t.listener("tcp", "10.0.0.5", 81));
    assertNull(t.listener("udp", "10.0.0.5", 80));
  }

  @Test
  void listener_dualStackIpv6WildcardTakesIpv4() {
    SocketTable t = new SocketTable(List.of(listen("::", 443, 7, true)));
    assertEquals(7, t.listener("tcp", "10.0.0.5", 443).inode());
    assertEquals(7, t.listener("tcp", "2001:db8::5", 443).inode());
  }

  @Test
  void listener_ipv4WildcardDoesNotTakeIpv6() {
    SocketTable t = new SocketTable(List.of(listen("0.0.0.0", 22, 3, false)));
    assertNull(t.listener("tcp", "2001:db8::5", 22));
  }

  @Test
  void connected_exactFourTuple_heldSocketBeatsTimeWaitRemnant() {
    SocketEntry timeWait = new SocketEntry("tcp", "10.0.0.5", 80, "10.0.0.9", 5000, 6, 0, 0, false);
    SocketEntry live = new SocketEntry("tcp", "10.0.0.5", 80, "10.0.0.9", 5000, 1, 33, 99, false);
    SocketTable t = new SocketTable(List.of(live, timeWait));
    assertEquals(99, t.connected("tcp", "10.0.0.5", 80, "10.0.0.9", 5000).inode());
    assertNull(t.connected("tcp", "10.0.0.9", 5000, "10.0.0.5", 80));
    assertEquals(Set.of(99L), t.inodes());
  }
}
