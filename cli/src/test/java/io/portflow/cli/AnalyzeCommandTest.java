package io.portflow.cli;

import static io.portflow.cli.fixtures.FlowBuilder.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.cli.fixtures.FakeSource;
import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.fixtures.Frames.Frame;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze end to end over a fake source of hand-built frames and the real analyzer: formats,
 * ordering, partial input, closed output, colour.
 */
class AnalyzeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DAMAGE = "capture.pcap: record 31 at byte offset 2924: packet data cut off";

  @TempDir Path dir;
  private String capture;

  @BeforeEach
  void capture() throws IOException {
    capture = Files.write(dir.resolve("capture.pcap"), new byte[] {1}).toString();
  }

  /**
   * Three connections of eight packets each: 0 to port 80, 1 to port 443 (most bytes, longest:
   * its second half comes after all of 2), 2 to port 22.
   */
  private static List<Frame> threeConnections() {
    List<Frame> frames = new ArrayList<>();
    frames.addAll(Frames.connection(T0, "10.0.0.1", 40001, "10.0.0.9", 80, 10, 100));
    List<Frame> big = Frames.connection(T0 + 10_000_000_000L, "10.0.0.2", 40002, "10.0.0.9", 443, 500, 90_000);
    List<Frame> small = Frames.connection(T0 + 11_000_000_000L, "10.0.0.3", 40003, "10.0.0.9", 22, 20, 30);
    frames.addAll(big.subList(0, 4));
    frames.addAll(small);
    List<Frame> rest = new ArrayList<>();
    for (Frame f : big.subList(4, big.size())) {
      rest.add(new Frame(f.timestampNanos() + 5_000_000_000L, f.data()));
    }
    frames.addAll(rest);
    return frames;
  }

  /**
   * The same 4-tuple twice with a new initial sequence number, then another connection: the first
   * connection finishes when the second one's SYN arrives, long before the end of the input.
   */
  private static List<Frame> reusedTuple() {
    List<Frame> frames = new ArrayList<>(Frames.connection(T0, "10.0.0.1", 40001, "10.0.0.9", 80, 10, 100));
    frames.addAll(Frames.connection(T0 + 1_000_000_000L, "10.0.0.1", 40001, "10.0.0.9", 80, 10, 100, 777_777));
    frames.addAll(Frames.connection(T0 + 2_000_000_000L, "10.0.0.2", 40002, "10.0.0.9", 80, 10, 100));
    return frames;
  }

  private static SourceOpener source(List<Frame> frames, IOException failure) {
    return (files, reader, filter) -> new FakeSource(frames, failure, "capture.pcap");
  }

  private Run analyze(SourceOpener opener, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "analyze";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = capture;
    return Run.of(opener, args);
  }

  private static List<Long> ids(String jsonl) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      ids.add(MAPPER.readTree(line).get("flow_id").asLong());
    }
    return ids;
  }

  @Test
  void table_isTheDefault() {
    Run run = analyze(source(threeConnections(), null));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("capture.pcap: pcap, ethernet\n24 packets"), run.out());
    assertTrue(run.out().contains("\n0  10.0.0.1:40001 eph  10.0.0.9:80 "), run.out());
    assertTrue(run.out().contains("\n2  10.0.0.3:40003 eph  10.0.0.9:22 "), run.out());
  }

  @Test
  void jsonl_everyLineMatchesTheSchema() throws IOException {
    Run run = analyze(source(threeConnections(), null), "--format", "jsonl");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(3, ids(run.out()).size());
    for (String line : run.out().split("\n")) {
      Schema.assertValid(MAPPER.readTree(line));
    }
  }

  @Test
  void jsonl_writesAFlowAsSoonAsItFinishes() {
    List<Frame> frames = reusedTuple();
    java.io.StringWriter out = new java.io.StringWriter();
    FakeSource fake = new FakeSource(frames, null, "capture.pcap");
    int[] linesBeforeLastConnection = {-1};
    fake.beforeEachFrame(() -> {
      if (fake.position() == 16) {
        linesBeforeLastConnection[0] = out.toString().split("\n", -1).length - 1;
      }
    });
    Run run = Run.of(Terminal.none(), (files, reader, filter) -> fake, out, "analyze", "--format", "jsonl",
        "--threads", "1", capture);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, linesBeforeLastConnection[0], out.toString());
    assertEquals(3, out.toString().split("\n").length);
  }

  @Test
  void jsonl_explicitSortWaitsAndSorts() throws IOException {
    assertEquals(List.of(0L, 1L, 2L), ids(analyze(source(threeConnections(), null),
        "--format", "jsonl", "--sort", "start").out()));
    assertEquals(List.of(1L, 0L), ids(analyze(source(threeConnections(), null),
        "--format", "jsonl", "--sort", "bytes", "--top", "2").out()));
  }

  @Test
  void json_sortedByStart_summaryCounts() throws IOException {
    Run run = analyze(source(threeConnections(), null), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode doc = MAPPER.readTree(run.out());
    assertEquals(24, doc.get("summary").get("packets").asLong());
    assertEquals(3, doc.get("summary").get("flows").asLong());
    assertEquals("portflow", doc.get("summary").get("reader").asText());
    List<Long> ids = new ArrayList<>();
    for (JsonNode flow : doc.get("flows")) {
      Schema.assertValid(flow);
      ids.add(flow.get("flow_id").asLong());
    }
    assertEquals(List.of(0L, 1L, 2L), ids);
  }

  @Test
  void csv_headerAndOneRowPerFlow() {
    Run run = analyze(source(threeConnections(), null), "--format", "csv", "--sort", "duration");
    String[] lines = run.out().split("\n");
    assertEquals(4, lines.length, run.out());
    assertTrue(lines[0].startsWith("flow_id,community_id,"), lines[0]);
    assertTrue(lines[1].startsWith("1,"), "longest first: " + lines[1]);
  }

  @Test
  void sortAndTop_inTheTable() {
    Run run = analyze(source(threeConnections(), null), "--sort", "bytes", "--top", "1");
    assertTrue(run.out().contains("showing the top 1 of 3 flows by bytes\n"), run.out());
    assertTrue(run.out().contains("\n1  10.0.0.2:40002 eph  10.0.0.9:443 https/wk"), run.out());
    assertFalse(run.out().contains("10.0.0.9:80 "), run.out());
  }

  @Test
  void ephemeralRange_reachesTheAnalyzer() throws IOException {
    Run run = analyze(source(threeConnections(), null), "--format", "jsonl", "--sort", "start", "--ephemeral-range", "40002-40002");
    List<Boolean> ephemeral = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      ephemeral.add(MAPPER.readTree(line).get("client").get("ephemeral").asBoolean());
    }
    assertEquals(List.of(false, true, false), ephemeral);
  }

  @Test
  void transport_udpOnlyWhenAskedFor() throws IOException {
    List<Frame> frames = new ArrayList<>(threeConnections());
    frames.addAll(Frames.udpExchange(T0 + 20_000_000_000L, "10.0.0.1", 50000, "10.0.0.53", 53));

    Run tcpOnly = analyze(source(frames, null), "--format", "json");
    JsonNode summary = MAPPER.readTree(tcpOnly.out()).get("summary");
    assertEquals(3, summary.get("flows").asLong());
    assertEquals(0, summary.get("udp_packets").asLong());
    assertEquals(2, summary.get("skipped").get("udp").asLong());

    Run both = analyze(source(frames, null), "--format", "json", "--transport", "tcp,udp");
    JsonNode doc = MAPPER.readTree(both.out());
    assertEquals(2, doc.get("summary").get("udp_packets").asLong());
    JsonNode udp = doc.get("flows").get(3);
    assertEquals("udp", udp.get("transport").asText());
    assertEquals("domain", udp.get("server").get("service").asText());
    assertTrue(udp.get("handshake_rtt").isNull());
    Schema.assertValid(udp);

    Run table = analyze(source(frames, null), "--transport", "tcp,udp");
    assertTrue(table.out().contains("24 TCP, 2 UDP, 4 flows"), table.out());
    assertTrue(table.out().contains("\n3  udp    10.0.0.1:50000 eph  10.0.0.53:53"), table.out());
  }

  @Test
  void damagedMidway_flowsSoFarThenTheErrorLine() {
    List<Frame> frames = threeConnections().subList(0, 14);
    Run run = analyze(source(frames, new CaptureException(Kind.DAMAGED, DAMAGE)));
    assertEquals(4, run.exitCode());
    assertEquals("portflow: " + DAMAGE + "\n", run.err());
    assertTrue(run.out().contains("14 packets"), run.out());
    assertTrue(run.out().contains("\n0  10.0.0.1:40001 eph"), run.out());
    assertTrue(run.out().contains("\n1  10.0.0.2:40002 eph"), "unfinished flows are printed too: " + run.out());
  }

  @Test
  void damagedMidway_jsonSummaryCarriesTheError() throws IOException {
    List<Frame> frames = threeConnections().subList(0, 14);
    Run run = analyze(source(frames, new CaptureException(Kind.DAMAGED, DAMAGE)), "--format", "json");
    assertEquals(4, run.exitCode());
    JsonNode doc = MAPPER.readTree(run.out());
    assertEquals(DAMAGE, doc.get("summary").get("error").asText());
    assertEquals(3, doc.get("flows").size());
  }

  @Test
  void damagedMidway_jsonlStreamsThenErrors() throws IOException {
    List<Frame> frames = threeConnections().subList(0, 14);
    Run run = analyze(source(frames, new CaptureException(Kind.DAMAGED, DAMAGE)), "--format", "jsonl");
    assertEquals(4, run.exitCode());
    assertEquals(3, ids(run.out()).size());
    assertEquals("portflow: " + DAMAGE + "\n", run.err());
  }

  @Test
  void ioErrorMidway_countsAsCutShort() {
    List<Frame> frames = threeConnections().subList(0, 9);
    Run run = analyze(source(frames, new IOException("Input/output error")));
    assertEquals(4, run.exitCode());
    assertEquals("portflow: error reading capture.pcap: Input/output error\n", run.err());
    assertTrue(run.out().contains("\n0  10.0.0.1:40001 eph"), run.out());
  }

  @Test
  void closedOutput_stopsReadingQuietly() {
    FakeSource fake = new FakeSource(reusedTuple(), null, "capture.pcap");
    Run run = Run.of(Terminal.none(), (files, reader, filter) -> fake, new ClosedPipe(),
        "analyze", "--format", "jsonl", "--threads", "1", capture);
    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    assertEquals(9, fake.nextCalls(), "stopped after the first flow was written");
    assertTrue(fake.closed());
  }

  @Test
  void closedOutput_tableEndsQuietlyEvenWhenDamaged() {
    List<Frame> frames = threeConnections().subList(0, 14);
    Run run = Run.of(Terminal.none(), source(frames, new CaptureException(Kind.DAMAGED, DAMAGE)),
        new ClosedPipe(), "analyze", capture);
    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
  }

  @Test
  void colour_onlyOnATerminalWithoutNoColor() {
    String esc = "\u001b[";
    assertFalse(Run.of(Terminal.none(), source(threeConnections(), null), "analyze", capture).out().contains(esc));
    assertTrue(Run.of(new Terminal(true, false), source(threeConnections(), null), "analyze", capture)
        .out().contains(esc));
    assertFalse(Run.of(new Terminal(true, true), source(threeConnections(), null), "analyze", capture)
        .out().contains(esc));
    assertFalse(Run.of(new Terminal(true, false), source(threeConnections(), null),
        "analyze", "--color", "never", capture).out().contains(esc));
    assertTrue(Run.of(Terminal.none(), source(threeConnections(), null),
        "analyze", "--color", "always", capture).out().contains(esc));
  }

  /** A reader that went away: every write fails, as on a pipe whose reader exited. */
  private static final class ClosedPipe extends Writer {
    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void close() {}
  }
}
