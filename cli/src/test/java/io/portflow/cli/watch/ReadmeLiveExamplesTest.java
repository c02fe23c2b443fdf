package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.live.CaptureDevice;
import io.portflow.capture.live.DeviceAddress;
import io.portflow.capture.live.LiveStats;
import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.ProcessInfo;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code portflow interfaces} listing and live view cannot be run here (they depend
 * on the machine and need root), so they are rendered from the values they show by the code that
 * prints them, and the README must hold exactly that text.
 */
class ReadmeLiveExamplesTest {
  private static final Path README = findReadme();

  @Test
  void interfacesListing() throws Exception {
    String text = InterfacesView.render(List.of(
        device("eth0", null, List.of(address("192.0.2.10", 24), address("fe80::216:3eff:fe2a:1b7c", 64)),
            List.of("00:16:3e:2a:1b:7c"), true, true, false, false, "up"),
        device("any", "Pseudo-device that captures on all interfaces", List.of(), List.of(),
            true, true, false, false, null),
        device("lo", null, List.of(address("127.0.0.1", 8), address("::1", 128)), List.of("00:00:00:00:00:00"),
            true, true, true, false, "unknown"),
        device("wlan0", null, List.of(), List.of("aa:bb:cc:dd:ee:ff"), true, false, false, true, "dormant"),
        device("nflog", "Linux netfilter log (NFLOG) interface", List.of(), List.of(),
            false, false, false, false, null)));
    assertInReadme("$ ./portflow interfaces\n" + text);
  }

  @Test
  void liveView() throws Exception {
    List<LiveRow> rows = List.of(
        row(7, "192.0.2.10:52114", "93.184.216.34:443", "https", 1200, 1_412_000, 12_000, 890_000,
            new FlowProcesses(new ProcessInfo(4242, "curl", "alice"), null)),
        row(3, "203.0.113.7:61022", "192.0.2.10:22", "ssh", 310, 48_000, 1_100, 2_300,
            new FlowProcesses(null, new ProcessInfo(812, "sshd", "root"))),
        row(9, "192.0.2.10:40110", "10.0.0.53:5432", "postgresql", 12, 1_900, 0, 0,
            new FlowProcesses(new ProcessInfo(5120, "psql", "alice"), null)));
    LiveSnapshot snapshot = new LiveSnapshot("eth0", null, 72.4, new LiveStats(1843, 1_500_000, 1843, 0, 0),
        3, 41, rows);
    assertInReadme("```\n" + String.join("\n", new LiveView(110, 24, false).lines(snapshot)) + "\n```");
  }

  private static void assertInReadme(String block) throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertTrue(readme.contains(block), "README.md should show, exactly:\n" + block);
  }

  private static LiveRow row(long id, String client, String server, String service, long packets, long bytes,
      double up, double down, FlowProcesses processes) {
    return new LiveRow(id, client, server, service, "S1", packets, bytes, new FlowRates.Rate(up, down), processes);
  }

  private static CaptureDevice device(String name, String description, List<DeviceAddress> addresses,
      List<String> links, boolean up, boolean running, boolean loopback, boolean wireless, String operState) {
    return new CaptureDevice(name, description, addresses, links, up, running, loopback, wireless, operState);
  }

  private static DeviceAddress address(String literal, int prefix) throws Exception {
    return new DeviceAddress(InetAddress.getByName(literal), prefix, null);
  }

  private static Path findReadme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("sample-pcaps"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
  }
}
