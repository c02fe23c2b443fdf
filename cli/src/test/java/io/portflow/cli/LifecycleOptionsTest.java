package io.portflow.cli;

import static io.portflow.cli.fixtures.FlowBuilder.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.cli.fixtures.FakeSource;
import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.fixtures.Frames.Frame;
import io.portflow.cli.output.table.StateWords;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --idle-timeout}, {@code --community-id-seed} and the state legend of {@code analyze
 * --help}.
 */
class LifecycleOptionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A SYN, then its retransmission 45 s later: one flow, or two when the idle timeout is shorter. */
  private static List<Frame> synAndLateRetransmission() {
    byte[] syn = Frames.tcp4("10.0.0.1", 40001, "10.0.0.9", 80, 0x02, 1000, 0, 0);
    return List.of(new Frame(T0, syn), new Frame(T0 + 45_000_000_000L, syn));
  }

  @TempDir Path dir;

  /** The fake source ignores the file, but the command checks that it exists. */
  private Run analyze(List<Frame> frames, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "jsonl"));
    args.addAll(List.of(options));
    args.add(Files.write(dir.resolve("capture.pcap"), new byte[] {1}).toString());
    return Run.of((files, reader, filter) -> new FakeSource(frames, null, "capture.pcap"),
        args.toArray(new String[0]));
  }

  private static List<JsonNode> records(Run run) throws IOException {
    assertEquals("", run.err());
    List<JsonNode> records = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      records.add(MAPPER.readTree(line));
    }
    return records;
  }

  @Test
  void idleTimeout_defaultFiveMinutesShorterOnRequest() throws IOException {
    assertEquals(1, records(analyze(synAndLateRetransmission())).size());
    for (String timeout : List.of("30", "30s", "0.5m", "30000ms")) {
      List<JsonNode> split = records(analyze(synAndLateRetransmission(), "--idle-timeout", timeout));
      assertEquals(2, split.size(), timeout);
      assertEquals("idle-timeout", split.get(0).get("end_reason").asText(), timeout);
      assertEquals("end-of-capture", split.get(1).get("end_reason").asText(), timeout);
    }
  }

  @Test
  void jsonl_closedFlowsAreWrittenWhileTheCaptureIsStillBeingRead() throws IOException {
    // Ten connections 10 s apart: each closes, lingers 5 s, and is written before the next one
    // is half read, not at the end of the input.
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      frames.addAll(Frames.connection(T0 + i * 10_000_000_000L, "10.0.0.1", 40000 + i,
          "10.0.0.9", 80, 10, 100));
    }
    int perConnection = frames.size() / 10;
    StringWriter out = new StringWriter();
    FakeSource fake = new FakeSource(frames, null, "capture.pcap");
    List<Integer> linesSeen = new ArrayList<>();
    fake.beforeEachFrame(() -> {
      if (fake.position() % perConnection == perConnection / 2) {
        linesSeen.add(out.toString().isEmpty() ? 0 : out.toString().split("\n").length);
        // Streamed lines are flushed at most every FLUSH_INTERVAL_NANOS: let that pass, so the
        // next flow written is flushed with it, as it would be while a big file is read.
        sleepNanos(FlowCollector.FLUSH_INTERVAL_NANOS + 10_000_000L);
      }
    });
    // One thread, so that a flow is written in the same frame it finishes on.
    Run run = Run.of(Terminal.none(), (files, reader, filter) -> fake, out,
        "analyze", "--threads", "1", "--format", "jsonl", Files.write(dir.resolve("c.pcap"), new byte[] {1}).toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), linesSeen);
    assertEquals(10, out.toString().split("\n").length);
    assertTrue(out.toString().contains("\"end_reason\":\"fin\""), out.toString());
  }

  @Test
  void communityIdSeed_changesTheId() throws IOException {
    String seed0 = records(analyze(synAndLateRetransmission())).get(0).get("community_id").asText();
    String seed1 = records(analyze(synAndLateRetransmission(), "--community-id-seed", "1"))
        .get(0).get("community_id").asText();
    assertTrue(seed0.startsWith("1:"), seed0);
    assertNotEquals(seed0, seed1);
  }

  @Test
  void badValuesAreUsageErrorsNamingTheValue() {
    assertUsageError("portflow: Invalid value for option '--idle-timeout': '0' (expected: more "
        + "than 0 seconds, e.g. 300, 90s, 5m or 1h)", "--idle-timeout", "0");
    assertUsageError("portflow: Invalid value for option '--idle-timeout': '5 minutes' (expected: "
        + "more than 0 seconds, e.g. 300, 90s, 5m or 1h)", "--idle-timeout", "5 minutes");
    assertUsageError("portflow: Invalid value for option '--idle-timeout': '99999999999h' "
        + "(expected: more than 0 seconds, e.g. 300, 90s, 5m or 1h)", "--idle-timeout", "99999999999h");
    assertUsageError("portflow: Invalid value for option '--community-id-seed': '65536' "
        + "(expected: 0-65535)", "--community-id-seed", "65536");
    assertUsageError("portflow: Invalid value for option '--community-id-seed': '-1' "
        + "(expected: 0-65535)", "--community-id-seed=-1");
  }

  @Test
  void help_legendOfEveryStateWordAndHistoryLetterBeforeTheExitCodes() {
    Run run = Run.of("analyze", "--help");
    assertEquals(0, run.exitCode());
    String help = run.out();
    assertTrue(help.contains("--idle-timeout=TIME"), help);
    assertTrue(help.contains("--community-id-seed=N"), help);
    for (StateWords.State state : StateWords.TCP) {
      assertTrue(help.contains(String.format("  %-16s %-7s %s%n", state.word(), state.code(),
          state.meaning())), state.code() + " in\n" + help);
    }
    assertTrue(help.contains("  two-way          SF      both ends sent datagrams"), help);
    assertTrue(help.contains("S SYN  H SYN+ACK  A pure ACK  D data  F FIN  R RST"), help);
    assertTrue(help.indexOf("mid-stream") < help.indexOf("Exit codes:"), help);
    for (String line : help.split("\n")) {
      assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
    }
  }

  private static void assertUsageError(String message, String... options) {
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(List.of(options));
    args.add("x.pcap");
    Run run = Run.of(args.toArray(new String[0]));
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(message + "\nTry 'portflow analyze --help' for more information.\n", run.err());
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
