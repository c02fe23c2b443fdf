package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.live.LiveStats;
import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.ProcessInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {
  private static final LiveStats STATS = new LiveStats(12345, 9_876_543, 12400, 3, 0);

  private static LiveRow row(long id, String client, String server, String service, double up, double down,
      long bytes, FlowProcesses p) {
    return new LiveRow(id, client, server, service, "S1", 10, bytes, new FlowRates.Rate(up, down), p);
  }

  private static final LiveRow CURL = row(1, "10.0.0.2:52114", "93.184.216.34:443", "https", 12_000, 800_000,
      1_234_567, new FlowProcesses(new ProcessInfo(4242, "curl", "root"), null));
  private static final LiveRow SSH = row(2, "10.0.0.2:40000", "10.0.0.1:22", "ssh", 10, 0, 3_000, FlowProcesses.NONE);
  private static final LiveRow IDLE = row(3, "10.0.0.2:40001", "10.0.0.1:22", "ssh", 0, 0, 9_000, FlowProcesses.NONE);

  private static LiveSnapshot snapshot(List<LiveRow> rows) {
    return new LiveSnapshot("eth0", "tcp", 83.4, STATS, rows.size(), 340, rows);
  }

  @Test
  void wideFrame_exactText() {
    List<String> lines = new LiveView(120, 10, false).lines(snapshot(List.of(SSH, IDLE, CURL)));
    assertEquals(List.of(
        "portflow watch eth0  filter \"tcp\"  00:01:23  3 open, 340 finished  (Ctrl-C stops)",
        "CLIENT            SERVER            SERVICE    STATE    PKTS    BYTES     C->S/s     S->C/s  PROCESS",
        "10.0.0.2:52114    93.184.216.34:443 https      S1         10   1.2 MB    12 kB/s   800 kB/s  curl/4242 (root)",
        "10.0.0.2:40000    10.0.0.1:22       ssh        S1         10   3.0 kB     10 B/s      0 B/s",
        "10.0.0.2:40001    10.0.0.1:22       ssh        S1         10   9.0 kB      0 B/s      0 B/s",
        "packets 12345 (9.9 MB)  dropped: 3 by the kernel, 0 by the interface"), lines);
  }

  @Test
  void busiestFirst_thenMostBytes_thenOldest() {
    LiveRow a = row(5, "a:1", "b:2", null, 0, 0, 100, FlowProcesses.NONE);
    LiveRow b = row(4, "c:1", "d:2", null, 0, 0, 100, FlowProcesses.NONE);
    LiveRow c = row(9, "e:1", "f:2", null, 0, 0, 500, FlowProcesses.NONE);
    LiveRow d = row(7, "g:1", "h:2", null, 1, 0, 1, FlowProcesses.NONE);
    List<String> lines = new LiveView(120, 20, false).lines(snapshot(List.of(a, b, c, d)));
    assertTrue(lines.get(2).startsWith("g:1"), lines.get(2));
    assertTrue(lines.get(3).startsWith("e:1"), lines.get(3));
    assertTrue(lines.get(4).startsWith("c:1"), lines.get(4));
    assertTrue(lines.get(5).startsWith("a:1"), lines.get(5));
  }

  @Test
  void narrowFrame_combinesRatesAndFitsTheWidth() {
    List<String> lines = new LiveView(80, 10, false).lines(snapshot(List.of(CURL, SSH)));
    assertEquals("CLIENT            SERVER            STATE    BYTES       RATE  PROCESS", lines.get(1));
    assertEquals("10.0.0.2:52114    93.184.216.34:443 S1      1.2 MB   812 kB/s  curl/4242 (root)", lines.get(2));
    lines.forEach(l -> assertTrue(l.length() <= 80, l));
  }

  @Test
  void tooManyFlows_showsHowManyMore() {
    List<String> lines = new LiveView(120, 5, false).lines(snapshot(List.of(CURL, SSH, IDLE)));
    assertEquals(5, lines.size());
    assertTrue(lines.get(2).startsWith("10.0.0.2:52114"), lines.get(2));
    assertEquals("  ... 2 more open flows", lines.get(3));
  }

  @Test
  void noFlowsYet_headerTitlesFooter() {
    List<String> lines = new LiveView(100, 24, false).lines(
        new LiveSnapshot("lo", null, 0.2, new LiveStats(0, 0, 0, 0, 0), 0, 0, List.of()));
    assertEquals(List.of(
        "portflow watch lo  00:00:00  0 open, 0 finished  (Ctrl-C stops)",
        "CLIENT          SERVER          STATE    BYTES       RATE  PROCESS",
        "packets 0 (0 B)  dropped: 0 by the kernel, 0 by the interface"), lines);
  }

  @Test
  void render_redrawsInPlace() {
    String frame = new LiveView(100, 24, false).render(snapshot(List.of(SSH)));
    assertTrue(frame.startsWith("\033[H"), "cursor home first");
    assertTrue(frame.endsWith("\033[J"), "erase what the last frame left below");
    assertEquals(4, frame.split("\033\\[K", -1).length - 1, "each of the 4 lines erases its rest");
    assertTrue(!frame.contains("\033[2J"), "no full clear: no flicker");
  }

  @Test
  void render_colourOnlyWhenAsked() {
    assertTrue(new LiveView(100, 24, true).render(snapshot(List.of())).contains("\033[1m"));
    assertTrue(!new LiveView(100, 24, false).render(snapshot(List.of())).contains("\033[1m"));
  }
}
