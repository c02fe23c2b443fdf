package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portflow.cli.fixtures.ChildPortflow;
import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.Namespace;
import io.portflow.cli.fixtures.Schema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch -i lo} in a namespace of its own, where both ends of every connection are local:
 * SIGTERM stops it cleanly (open flows written, counts printed, exit 0), both processes are named
 * (the client's even when it exits soon after its connection), and {@code --count} stops it by
 * itself.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchLoopbackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SERVER = String.join("\n",
      "import os, socket, sys, threading",
      "def echo(c):",
      "    while True:",
      "        d = c.recv(65536)",
      "        if not d: break",
      "        c.sendall(d)",
      "    c.close()",
      "s = socket.socket()",
      "s.bind(('127.0.0.1', 8080))",
      "s.listen()",
      "def serve():",
      "    while True:",
      "        threading.Thread(target=echo, args=(s.accept()[0],), daemon=True).start()",
      "threading.Thread(target=serve, daemon=True).start()",
      "print(os.getpid(), flush=True)",
      "sys.stdin.read()");

  /** Connects, echoes 100 bytes, prints its pid and port, then holds for {@code argv[1]} seconds or until stdin closes. */
  private static final String CLIENT = String.join("\n",
      "import os, socket, sys, time",
      "c = socket.create_connection(('127.0.0.1', 8080), timeout=10)",
      "c.sendall(b'x' * 100)",
      "got = 0",
      "while got < 100: got += len(c.recv(65536))",
      "print(os.getpid(), c.getsockname()[1], flush=True)",
      "if sys.argv[1] == 'forever': sys.stdin.read()",
      "else: time.sleep(float(sys.argv[1]))",
      "c.close()");

  @TempDir Path dir;
  private Namespace ns;
  private final List<Process> helpers = new ArrayList<>();

  @BeforeEach
  void namespace() throws Exception {
    Host.assumeNamespaces();
    Host.assumeTools("python3");
    ns = new Namespace("lo");
  }

  @AfterEach
  void cleanup() throws Exception {
    for (Process p : helpers) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    if (ns != null) ns.close();
  }

  @Test
  void sigtermFlushesOpenFlowsWithBothProcessesAndExitsZero() throws Exception {
    // --duration only ends a watch this test left behind (a killed test JVM): SIGTERM stops it first.
    try (ChildPortflow watch = ChildPortflow.start(dir, ns.name, List.of(), "watch", "-i", "lo", "--format", "jsonl",
        "--duration", "170")) {
      watch.awaitErr("portflow: watching lo", Duration.ofSeconds(30));
      long server = Long.parseLong(firstLine(start(SERVER)));
      // Brief, but long enough for a rescan of /proc on a loaded machine: shorter ones may be missed.
      Process brief = start(CLIENT, "3");
      String[] briefSays = firstLine(brief).split(" ");
      String[] holdingSays = firstLine(start(CLIENT, "forever")).split(" ");
      assertTrue(brief.waitFor(20, TimeUnit.SECONDS), "the brief client ends by itself");

      watch.signal("TERM");
      assertEquals(0, watch.waitFor(Duration.ofSeconds(30)), watch.err());
      List<JsonNode> flows = new ArrayList<>();
      for (String line : watch.out().strip().split("\n")) {
        JsonNode flow = JSON.readTree(line);
        Schema.assertValid(flow);
        flows.add(flow);
      }
      assertEquals(2, flows.size(), watch.out());
      for (JsonNode f : flows) {
        boolean isBrief = f.at("/client/port").asText().equals(briefSays[1]);
        String[] client = isBrief ? briefSays : holdingSays;
        assertEquals(Long.parseLong(client[0]), f.at("/client/process/pid").asLong(), "client of " + f);
        assertEquals(server, f.at("/server/process/pid").asLong(), "server of " + f);
        assertEquals(isBrief ? "fin" : "end-of-capture", f.get("end_reason").asText(), f.toString());
      }
      Matcher counts = Pattern.compile("^portflow: lo: \\d+ packets \\(.*\\) in [0-9.]+ s, 2 flows; .*; stopped$",
          Pattern.MULTILINE).matcher(watch.err());
      assertTrue(counts.find(), watch.err());
    }
  }

  @Test
  void countStopsByItself() throws Exception {
    try (ChildPortflow watch = ChildPortflow.start(dir, ns.name, List.of(), "watch", "-i", "lo", "--format", "csv",
        "--count", "5", "--filter", "tcp port 8080")) {
      watch.awaitErr("portflow: watching lo (ethernet, snaplen 262144, promiscuous), filter \"tcp port 8080\"",
          Duration.ofSeconds(30));
      firstLine(start(SERVER));
      firstLine(start(CLIENT, "forever"));
      assertEquals(0, watch.waitFor(Duration.ofSeconds(30)), watch.err());
      assertTrue(watch.err().contains("portflow: lo: 5 packets ("), watch.err());
      assertTrue(watch.err().contains("1 flow; "), watch.err());
      assertTrue(watch.err().strip().endsWith("; stopped after --count"), watch.err());
      String[] csv = watch.out().split("\n");
      assertEquals(2, csv.length, watch.out());
      assertTrue(csv[0].endsWith(",server_pid,server_command,server_user"), csv[0]);
    }
  }

  private Process start(String script, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
    cmd.addAll(List.of(args));
    Process p = ns.process(cmd.toArray(new String[0])).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    helpers.add(p);
    return p;
  }

  private static String firstLine(Process p) throws Exception {
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    if (line == null) throw new AssertionError("helper said nothing, exit " + p.waitFor());
    return line;
  }
}
