package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.RoleSource;
import io.portflow.capture.live.LiveStats;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveScreenTest {
  private static final long S = 1_000_000_000L;

  @TempDir Path dir;

  private static FlowRecord open(long id, long c2sBytes, long firstSeen) {
    return new FlowRecord(id, null, "tcp", 4, null,
        new Endpoint("10.0.0.2", 40000 + (int) id, PortClass.DYNAMIC, true, null),
        new Endpoint("10.0.0.1", 22, PortClass.WELL_KNOWN, false, "ssh"),
        RoleSource.SYN, firstSeen, firstSeen, new DirectionStats(3, c2sBytes, 0), new DirectionStats(2, 100, 0),
        "S1", "ShAD", null);
  }

  @Test
  void entersDrawsFramesWithRatesAndLeaves() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger sizeChecks = new AtomicInteger();
    LiveScreen screen = new LiveScreen(out, "eth0", null, false, () -> {
      sizeChecks.incrementAndGet();
      return new TerminalSize(120, 10);
    });
    ProcessAttribution none = new ProcessAttribution(
        new ProcessResolver(new FakeProc(dir).fs(), System::nanoTime, Duration.ofSeconds(1)));

    screen.open();
    screen.draw(100 * S, new LiveStats(5, 700, 5, 0, 0), List.of(open(0, 500, 99 * S)), 0, none);
    screen.draw(100 * S + S / 5, new LiveStats(9, 2700, 9, 0, 0),
        List.of(open(0, 2500, 99 * S), open(1, 100, 100 * S)), 3, none);
    screen.close();
    screen.close();

    String text = out.toString();
    assertTrue(text.startsWith(LiveView.ENTER + "\033[H"), "alternate screen, then the first frame");
    assertTrue(text.endsWith("\033[J" + LiveView.LEAVE), "last frame, then back to the normal screen once");
    String second = text.substring(text.lastIndexOf("\033[H"));
    assertTrue(second.contains("2 open, 3 finished"), second);
    // Flow 0 is younger than the rate window: 2500 bytes since its first packet 1.2 s ago.
    String flow0 = second.lines().filter(l -> l.contains("10.0.0.2:40000")).findFirst().orElseThrow();
    assertTrue(flow0.contains("2.1 kB/s"), flow0);
    assertTrue(second.contains("packets 9 (2.7 kB)"), second);
    assertEquals(1, sizeChecks.get(), "terminal size asked once a second, not per frame");
  }
}
