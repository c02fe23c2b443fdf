package io.portflow.cli;

import static io.portflow.cli.fixtures.Frames.ACK;
import static io.portflow.cli.fixtures.Frames.FIN;
import static io.portflow.cli.fixtures.Frames.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.analyze.AnalyzerConfig;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.TimestampResolution;
import io.portflow.capture.live.LiveStats;
import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.options.OutputOptions;
import io.portflow.cli.output.TimePrecision;
import io.portflow.cli.watch.FakeProc;
import io.portflow.cli.watch.ProcessAttribution;
import io.portflow.cli.watch.ProcessResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The analyzing side of {@code watch} without a capture: frames and ticks in, records out, with a
 * /proc tree of our own making. A local client (curl, pid 4000, 10.0.0.1:51000) talks to a remote
 * server (93.184.216.34:443).
 */
class LiveRunTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LiveStats STATS = new LiveStats(0, 0, 0, 0, 0);
  private static final CaptureInfo INPUT = new CaptureInfo("eth0", "live", false, List.of(1), TimestampResolution.MICROSECONDS);

  @TempDir Path dir;
  private FakeProc proc;
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter text = new StringWriter();
  private final AtomicInteger stops = new AtomicInteger();

  @BeforeEach
  void curlIsConnected() throws IOException {
    proc = new FakeProc(dir)
        .socket("tcp", "0100000A:C738", "22D8B85D:01BB", 0x01, 0, 102)
        .process(4000, "curl", 0, 102);
  }

  private LiveRun run(Writer out, String... outputArgs) throws IOException {
    OutputOptions output = new OutputOptions();
    new CommandLine(output.mixin()).parseArgs(outputArgs);
    ProcessAttribution processes =
        new ProcessAttribution(new ProcessResolver(proc.fs(), clock::get, Duration.ofMillis(500)));
    return new LiveRun(new PrintWriter(out), output, AnalyzerConfig.defaults(), TimePrecision.MICROS, false,
        processes, null, stops::incrementAndGet);
  }

  private static void frame(LiveRun run, long at, byte[] data) {
    run.onFrame(at, 1, data, 0, data.length, data.length);
  }

  private static void handshake(LiveRun run, long at) {
    frame(run, at, Frames.tcp4("10.0.0.1", 51000, "93.184.216.34", 443, SYN, 100, 0, 0));
    frame(run, at + MS, Frames.tcp4("93.184.216.34", 443, "10.0.0.1", 51000, SYN | ACK, 900, 101, 0));
    frame(run, at + 2 * MS, Frames.tcp4("10.0.0.1", 51000, "93.184.216.34", 443, ACK, 101, 901, 0));
  }

  private static void close(LiveRun run, long at) {
    frame(run, at, Frames.tcp4("10.0.0.1", 51000, "93.184.216.34", 443, FIN | ACK, 101, 901, 0));
    frame(run, at + MS, Frames.tcp4("93.184.216.34", 443, "10.0.0.1", 51000, FIN | ACK, 901, 102, 0));
    frame(run, at + 2 * MS, Frames.tcp4("10.0.0.1", 51000, "93.184.216.34", 443, ACK, 102, 902, 0));
  }

  @Test
  void clientProcessIsCaughtWhenTheFlowStarts_evenIfGoneBeforeItEnds() throws IOException {
    LiveRun run = run(text, "--format", "jsonl");
    handshake(run, T0);
    proc.exit(4000);
    proc.noSockets();
    clock.addAndGet(Duration.ofSeconds(10).toNanos()); // rescans allowed: they find nothing now
    close(run, T0 + 10 * MS);
    run.finish(INPUT, null, null);

    JsonNode flow = JSON.readTree(text.toString());
    assertEquals("{\"pid\":4000,\"command\":\"curl\",\"user\":\"root\"}", flow.at("/client/process").toString());
    assertFalse(flow.get("server").has("process"), "the server is remote");
    assertEquals("fin", flow.get("end_reason").asText());
  }

  @Test
  void ticksFinishClosedFlowsAfterTheLingerWhileTheInterfaceIsQuiet() throws IOException {
    LiveRun run = run(text, "--format", "jsonl");
    handshake(run, T0);
    close(run, T0 + 10 * MS);
    long closed = T0 + 11 * MS; // the second FIN completes the close
    run.onTick(closed + AnalyzerConfig.CLOSE_LINGER.toNanos() - 1, STATS);
    assertEquals("", text.toString(), "still lingering");
    run.onTick(closed + AnalyzerConfig.CLOSE_LINGER.toNanos(), STATS);
    assertEquals("fin", JSON.readTree(text.toString()).get("end_reason").asText(), "emitted by the tick");
    assertEquals(1, run.finishedFlows());
  }

  @Test
  void ticksFinishIdleFlowsAndTheStopFinishesTheRest() throws IOException {
    LiveRun run = run(text, "--format", "jsonl");
    handshake(run, T0);
    frame(run, T0 + Duration.ofMinutes(4).toNanos(), Frames.tcp4("10.0.0.1", 51001, "93.184.216.34", 443, SYN, 7, 0, 0));
    run.onTick(T0 + 2 * MS + AnalyzerConfig.DEFAULT_IDLE_TIMEOUT.toNanos(), STATS);
    String[] lines = text.toString().split("\n");
    assertEquals(1, lines.length);
    assertEquals("idle-timeout", JSON.readTree(lines[0]).get("end_reason").asText());

    run.finish(INPUT, null, null);
    lines = text.toString().split("\n");
    assertEquals(2, lines.length);
    assertEquals("end-of-capture", JSON.readTree(lines[1]).get("end_reason").asText());
    assertEquals("S0", JSON.readTree(lines[1]).get("conn_state").asText());
  }

  @Test
  void csvAtTheEndHasTheProcessColumns() throws IOException {
    LiveRun run = run(text, "--format", "csv");
    handshake(run, T0);
    run.onTick(T0 + 100 * MS, STATS);
    assertEquals("", text.toString(), "csv waits for the end");
    run.finish(INPUT, null, null);
    String[] lines = text.toString().split("\n");
    assertTrue(lines[0].endsWith(",client_pid,client_command,client_user,server_pid,server_command,server_user"));
    assertTrue(lines[1].endsWith(",4000,curl,root,,,"), lines[1]);
  }

  @Test
  void aClosedOutputStopsTheCapture() throws IOException {
    Writer broken = new Writer() {
      @Override
      public void write(char[] c, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void close() {}
    };
    LiveRun run = run(broken, "--format", "jsonl");
    handshake(run, T0);
    close(run, T0 + 10 * MS);
    run.onTick(T0 + Duration.ofSeconds(6).toNanos(), STATS);
    assertEquals(1, stops.get(), "nobody reads: the capture is asked to stop");
    run.finish(INPUT, null, null);
    assertEquals(1, stops.get());
  }
}
