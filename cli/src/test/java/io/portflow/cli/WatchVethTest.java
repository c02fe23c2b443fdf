package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portflow.cli.fixtures.ChildPortflow;
import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.PcapFrames;
import io.portflow.cli.fixtures.Schema;
import io.portflow.cli.fixtures.Tshark;
import io.portflow.cli.fixtures.VethPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portflow watch --format jsonl --duration N} on one end of a veth pair while kernel TCP
 * runs across it, and tcpdump on the same interface at the same time: the flows, roles and
 * per-direction counts must be what tshark reads in tcpdump's file, the server end must name the
 * listening process, the client end (in the other namespace) no process at all, and the {@code
 * --write} file must analyze to the same records. The traffic: one echo connection that closes,
 * one refused connection, and one left open across the stop.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchVethTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DURATION_SECONDS = 6;

  static final String SERVER = String.join("\n",
      "import os, socket, sys, threading",
      "def echo(c):",
      "    while True:",
      "        d = c.recv(65536)",
      "        if not d: break",
      "        c.sendall(d)",
      "    c.close()",
      "s = socket.socket()",
      "s.bind(('10.77.0.1', 8080))",
      "s.listen()",
      "def serve():",
      "    while True:",
      "        threading.Thread(target=echo, args=(s.accept()[0],), daemon=True).start()",
      "threading.Thread(target=serve, daemon=True).start()",
      "print('ready', os.getpid(), flush=True)",
      "sys.stdin.read()");

  static final String CLIENT = String.join("\n",
      "import socket, sys",
      "def echo(c, size):",
      "    c.sendall(b'x' * size)",
      "    got = 0",
      "    while got < size: got += len(c.recv(65536))",
      "c = socket.create_connection(('10.77.0.1', 8080), timeout=10)",
      "echo(c, 3000)",
      "c.close()",
      "try:",
      "    socket.create_connection(('10.77.0.1', 8081), timeout=10)",
      "    sys.exit('port 8081 accepted a connection')",
      "except ConnectionRefusedError:",
      "    pass",
      "h = socket.create_connection(('10.77.0.1', 8080), timeout=10)",
      "echo(h, 20000)",
      "print('holding', flush=True)",
      "sys.stdin.read()");

  @TempDir Path dir;

  @BeforeEach
  void requirements() {
    Host.assumeNamespaces();
    Host.assumeTools("tcpdump", "tshark", "python3");
  }

  @Test
  void jsonlMatchesTcpdumpAndNamesTheListener() throws Exception {
    Path reference = dir.resolve("tcpdump.pcap");
    Path saved = dir.resolve("watched.pcap");
    try (VethPair net = new VethPair("watch");
        Background tcpdump = Background.start(net.processIn(net.a, "tcpdump", "-i", "pfa0", "-n", "-U",
            "--immediate-mode", "-B", "32768", "--time-stamp-precision=nano", "-w", reference.toString()));
        Background server = Background.start(net.processIn(net.a, "python3", "-c", SERVER))) {
      assertTrue(tcpdump.readLine().contains("listening on"));
      long serverPid = Long.parseLong(server.readLine().split(" ")[1]);
      String tcpdumpDrops;
      try (ChildPortflow watch = ChildPortflow.start(dir, net.a, List.of(), "watch", "-i", "pfa0",
          "--format", "jsonl", "--duration", Integer.toString(DURATION_SECONDS), "--write", saved.toString())) {
        watch.awaitErr("portflow: watching pfa0", Duration.ofSeconds(30));
        try (Background client = Background.start(net.processIn(net.b, "python3", "-c", CLIENT))) {
          assertEquals("holding", client.readLine(), "the client's traffic");
          assertTrue(watch.isAlive(), "the traffic outlasted --duration " + DURATION_SECONDS);
          assertEquals(0, watch.waitFor(Duration.ofSeconds(DURATION_SECONDS + 30)), watch.err());
          tcpdumpDrops = stopSettled(tcpdump, reference);
        }
        assertEquals("0 packets dropped by kernel", tcpdumpDrops, "tcpdump lost frames: the comparison is moot");
        Map<String, JsonNode> flows = records(watch.out());
        checkRecords(flows, serverPid, Tshark.conversations(reference));
        checkFrames(watch.err(), saved, reference);
        checkSavedFile(saved, flows);
      }
    }
  }

  /** Each line of the output, valid against the schema, by "client > server". */
  private static Map<String, JsonNode> records(String out) throws IOException {
    Map<String, JsonNode> flows = new TreeMap<>();
    for (String line : out.strip().split("\n")) {
      JsonNode flow = JSON.readTree(line);
      Schema.assertValid(flow);
      flows.put(key(flow), flow);
    }
    return flows;
  }

  /** The records against tshark's reading of tcpdump's file, and the processes. */
  private static void checkRecords(Map<String, JsonNode> flows, long serverPid, Map<String, Tshark.Conversation> tshark) {
    assertEquals(tshark.keySet(), flows.keySet(), "flows (client > server): ours " + flows.values());
    assertEquals(3, flows.size());
    for (Tshark.Conversation c : tshark.values()) {
      JsonNode f = flows.get(c.key());
      assertEquals(c.clientPackets(), f.at("/client_to_server/packets").asLong(), "client packets of " + c.key());
      assertEquals(c.clientBytes(), f.at("/client_to_server/bytes").asLong(), "client bytes of " + c.key());
      assertEquals(c.serverPackets(), f.at("/server_to_client/packets").asLong(), "server packets of " + c.key());
      assertEquals(c.serverBytes(), f.at("/server_to_client/bytes").asLong(), "server bytes of " + c.key());
      assertEquals("syn", f.get("role_source").asText());
      assertEquals("10.77.0.2", f.at("/client/ip").asText());
      assertFalse(f.get("client").has("process"), "the client lives in the other namespace: " + f);
      boolean refused = f.at("/server/port").asInt() == 8081;
      if (refused) {
        assertEquals("REJ", f.get("conn_state").asText());
        assertEquals("rst", f.get("end_reason").asText());
        assertFalse(f.get("server").has("process"), "nobody listens on 8081: " + f);
        continue;
      }
      assertEquals(serverPid, f.at("/server/process/pid").asLong(), "server process of " + c.key());
      assertEquals("root", f.at("/server/process/user").asText());
      assertTrue(f.at("/server/process/command").asText().startsWith("python"), f.toString());
    }
    List<String> endings = flows.values().stream().map(f -> f.get("end_reason").asText()).sorted().toList();
    assertEquals(List.of("end-of-capture", "fin", "rst"), endings, "the open connection is emitted at the stop");
  }

  /**
   * The line on standard error after the stop counts the frames of the --write file, and those are
   * exactly the frames tcpdump saw over the same span, ARP included. (tcpdump runs longer: the
   * kernel may probe a neighbour with ARP seconds after the traffic, after the watch stopped.)
   */
  private static void checkFrames(String err, Path saved, Path reference) throws IOException {
    Matcher m = Pattern.compile("^portflow: pfa0: (\\d+) packets \\(.*\\) in [0-9.]+ s, 3 flows; (\\d+) received by"
        + " the filter, 0 dropped by the kernel, 0 by the interface; stopped after --duration$",
        Pattern.MULTILINE).matcher(err);
    assertTrue(m.find(), err);
    List<PcapFrames.Frame> ours = PcapFrames.read(saved);
    assertEquals(ours.size(), Long.parseLong(m.group(1)), "frames counted and frames saved: " + err);
    // Frames this end sent are stamped once per packet socket, microseconds apart: a millisecond of slack.
    List<PcapFrames.Frame> theirs = PcapFrames.within(PcapFrames.read(reference), ours, 1_000_000);
    assertEquals(PcapFrames.contents(theirs), PcapFrames.contents(ours), "tcpdump's frames over the watch's span");
  }

  /** The --write file, analyzed again, gives the same records (process objects aside). */
  private static void checkSavedFile(Path saved, Map<String, JsonNode> flows) throws Exception {
    Map<Long, JsonNode> watched = new TreeMap<>();
    for (JsonNode f : flows.values()) {
      ObjectNode flow = f.deepCopy();
      ((ObjectNode) flow.get("client")).remove("process");
      ((ObjectNode) flow.get("server")).remove("process");
      watched.put(flow.get("flow_id").asLong(), flow);
    }
    Run analyzed = Run.of("analyze", "--format", "jsonl", saved.toString());
    assertEquals(0, analyzed.exitCode(), analyzed.err());
    Map<Long, JsonNode> again = new TreeMap<>();
    for (String line : analyzed.out().strip().split("\n")) {
      JsonNode flow = JSON.readTree(line);
      again.put(flow.get("flow_id").asLong(), flow);
    }
    assertEquals(watched, again);
  }

  private static String key(JsonNode f) {
    return f.at("/client/ip").asText() + ":" + f.at("/client/port").asInt() + " > "
        + f.at("/server/ip").asText() + ":" + f.at("/server/port").asInt();
  }

  /**
   * Stops tcpdump once its file has stopped growing: it writes each packet as it reads it, so a
   * file unchanged for half a second after the traffic has everything. Returns its drop report.
   */
  private static String stopSettled(Background tcpdump, Path file) throws Exception {
    long size = -1;
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      long now = Files.size(file);
      if (now != size) {
        size = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(500)) {
        break;
      }
      Thread.sleep(20);
    }
    tcpdump.signal();
    for (String line = tcpdump.readLine(); line != null; line = tcpdump.readLine()) {
      if (line.endsWith("dropped by kernel")) return line;
    }
    return "no drop report";
  }

  /** A helper process with its output (standard error merged) read line by line. */
  static final class Background implements AutoCloseable {
    private final Process process;
    private final BufferedReader lines;

    private Background(Process process) {
      this.process = process;
      this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Background start(ProcessBuilder builder) throws IOException {
      return new Background(builder.redirectErrorStream(true).start());
    }

    String readLine() throws IOException {
      return lines.readLine();
    }

    /** SIGTERM, leaving the output readable ({@link Process#destroy} would close it). */
    void signal() throws IOException, InterruptedException {
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
