package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portflow.cli.output.ProcessInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching against a fake /proc: 10.77.0.1 is us, 10.77.0.2 the peer. */
class ProcessResolverTest {
  private static final String LISTEN_8080 = "01004D0A:1F90";
  private static final String ANY = "00000000:0000";
  private static final String PEER_51234 = "02004D0A:C822";
  private static final int LISTEN = 0x0a;
  private static final int ESTABLISHED = 0x01;

  @TempDir Path dir;
  private FakeProc proc;
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private ProcessResolver resolver;

  @BeforeEach
  void setUp() throws Exception {
    proc = new FakeProc(dir);
    resolver = new ProcessResolver(proc.fs(), clock::get, Duration.ofMillis(500));
  }

  @Test
  void serverEnd_connectedSocketGivesTheWorker() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100)
        .socket("tcp", LISTEN_8080, PEER_51234, ESTABLISHED, 33, 101)
        .process(812, "nginx", 0, 100)
        .process(813, "nginx", 33, 100, 101);

    assertEquals(new ProcessInfo(813, "nginx", "www-data"),
        resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true));
  }

  @Test
  void serverEnd_fallsBackToTheListenerWithTheLowestPid() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100)
        .process(813, "nginx", 33, 100)
        .process(812, "nginx", 0, 100);

    assertEquals(new ProcessInfo(812, "nginx", "root"),
        resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 40000, true));
  }

  @Test
  void clientEnd_needsTheExactConnection_notAListener() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100).process(812, "nginx", 0, 100);
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, false));
  }

  @Test
  void timeWaitSocketHasNoProcess() throws Exception {
    proc.socket("tcp", LISTEN_8080, PEER_51234, 0x06, 0, 0);
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, false));
  }

  @Test
  void unknownUserShowsTheUid() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 1234, 100).process(900, "app", 1234, 100);
    assertEquals(new ProcessInfo(900, "app", "1234"), resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 1, true));
  }

  @Test
  void newConnectionsAreFoundAfterTheRateLimit() throws Exception {
    proc.process(812, "nginx", 0, 100);
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true));

    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100);
    clock.addAndGet(100_000_000L); // 100 ms later: too soon to read the tables again
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true));

    clock.addAndGet(500_000_000L);
    assertEquals(812, resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true).pid());
  }

  @Test
  void answersOnceFoundSurviveTheProcess_untilTheSocketIsGone() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100).process(812, "nginx", 0, 100);
    assertEquals(812, resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 1, true).pid());
    proc.exit(812);
    assertEquals(812, resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 1, true).pid());
  }

  @Test
  void exitedProcessIsNotGuessed() throws Exception {
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100).process(812, "nginx", 0);
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 1, true));
  }

  @Test
  void udp_unconnectedSocketAnswersForEitherRole() throws Exception {
    proc.socket("udp", "3500007F:0035", ANY, 0x07, 101, 300).process(555, "systemd-resolve", 101, 300);
    assertEquals(555, resolver.localEnd("udp", "127.0.0.53", 53, "127.0.0.1", 40000, false).pid());
  }

  @Test
  void ipv4ConnectionOnADualStackListener() throws Exception {
    proc.socket("tcp6", "00000000000000000000000000000000:0050", "00000000000000000000000000000000:0000", LISTEN, 0, 400)
        .process(700, "httpd", 0, 400);
    assertEquals(700, resolver.localEnd("tcp", "10.77.0.1", 80, "10.77.0.2", 1, true).pid());
  }

  @Test
  void allowRescan_letsTheNextLookUpScanAtOnce() throws Exception {
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true), "nothing there yet");
    proc.socket("tcp", LISTEN_8080, ANY, LISTEN, 0, 100).process(812, "nginx", 0, 100);
    assertNull(resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true), "rate-limited");

    resolver.allowRescan();
    assertEquals(new ProcessInfo(812, "nginx", "root"),
        resolver.localEnd("tcp", "10.77.0.1", 8080, "10.77.0.2", 51234, true));
  }
}
