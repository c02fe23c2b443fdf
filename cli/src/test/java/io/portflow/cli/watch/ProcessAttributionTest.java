package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.analyze.DirectionStats;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.Endpoint;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.PortClass;
import io.portflow.analyze.RoleSource;
import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.ProcessInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessAttributionTest {
  @TempDir Path dir;

  static FlowRecord flow(long id, String clientIp, int clientPort, String serverIp, int serverPort) {
    DirectionStats none = new DirectionStats(0, 0, 0);
    return new FlowRecord(id, null, "tcp", 4, null,
        new Endpoint(clientIp, clientPort, PortClass.of(clientPort), true, null),
        new Endpoint(serverIp, serverPort, PortClass.of(serverPort), false, null),
        RoleSource.SYN, 0, 0, none, none, null, null, EndReason.FIN);
  }

  @Test
  void bothEndsOnLoopback_andKeptAfterTheSocketsClose() throws Exception {
    FakeProc proc = new FakeProc(dir)
        .socket("tcp", "0100007F:1F90", "00000000:0000", 0x0a, 33, 100)
        .socket("tcp", "0100007F:1F90", "0100007F:C822", 0x01, 33, 101)
        .socket("tcp", "0100007F:C822", "0100007F:1F90", 0x01, 0, 102)
        .process(812, "nginx", 33, 100, 101)
        .process(4000, "curl", 0, 102);
    AtomicLong clock = new AtomicLong();
    ProcessAttribution attribution =
        new ProcessAttribution(new ProcessResolver(proc.fs(), clock::get, Duration.ofMillis(500)));
    FlowRecord f = flow(7, "127.0.0.1", 51234, "127.0.0.1", 8080);

    FlowProcesses open = attribution.of(f);
    assertEquals(new ProcessInfo(4000, "curl", "root"), open.client());
    assertEquals(new ProcessInfo(812, "nginx", "www-data"), open.server());

    proc.exit(4000);
    proc.exit(812);
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(open, attribution.finish(f));
    assertEquals(0, attribution.remembered());
  }

  @Test
  void remoteTrafficHasNoProcess() throws Exception {
    FakeProc proc = new FakeProc(dir);
    ProcessAttribution attribution =
        new ProcessAttribution(new ProcessResolver(proc.fs(), System::nanoTime, Duration.ofMillis(500)));
    FlowProcesses p = attribution.finish(flow(1, "192.0.2.7", 40000, "198.51.100.1", 443));
    assertNull(p.client());
    assertNull(p.server());
    assertEquals(0, attribution.remembered());
  }
}
