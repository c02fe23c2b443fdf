package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.ChildPortflow;
import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.VethPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code portflow interfaces} on real devices. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterfacesCommandTest {
  @TempDir Path dir;

  @Test
  void listsLoopbackWithItsStateAndAddress() {
    Host.assumeLibpcap();
    Run run = Run.of("interfaces");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("INTERFACE"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("lo +up, running, loopback +127\\.0\\.0\\.1/8.*")), run.out());
    assertEquals("", run.err());
  }

  @Test
  void inAVethNamespace_exactlyWhatIsThere() throws Exception {
    Host.assumeNamespaces();
    try (VethPair net = new VethPair("ifaces");
        ChildPortflow child = ChildPortflow.start(dir, net.a, List.of(), "interfaces")) {
      assertEquals(0, child.waitFor(Duration.ofSeconds(60)), child.err());
      // Pseudo-devices (nflog, dbus-system, bluetooth-monitor) vary with the libpcap build: not checked.
      List<String> lines = child.out().lines().toList();
      assertTrue(lines.get(0).matches("INTERFACE +STATE +ADDRESSES"), lines.get(0));
      assertTrue(lines.get(1).matches("pfa0 +up, running +10\\.77\\.0\\.1/24  \\([0-9a-f:]{17}\\)"), lines.get(1));
      assertTrue(lines.get(2).matches("any +up, running +Pseudo-device that captures on all interfaces"), lines.get(2));
      assertTrue(lines.get(3).matches("lo +up, running, loopback +127\\.0\\.0\\.1/8"), lines.get(3));
      int column = lines.get(0).indexOf("STATE");
      assertTrue(lines.stream().allMatch(l -> l.length() > column && l.charAt(column - 1) == ' '
          && l.charAt(column) != ' '), "states in one column:\n" + child.out());
    }
  }
}
