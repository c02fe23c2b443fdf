package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.RoleSource;
import io.portflow.capture.live.LiveCapture;
import io.portflow.capture.live.LiveOptions;
import io.portflow.capture.live.LiveResult;
import io.portflow.capture.live.StopCondition;
import io.portflow.capture.live.TickHandler;
import io.portflow.cli.output.FlowProcesses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code portflow watch} will do, below the command: a live capture on one end of a veth
 * pair feeds the analyzer while kernel TCP runs across it; the flows, roles and per-direction
 * counts must match tshark's reading of what tcpdump captured on the same interface at the same
 * time, and the server end must name the listening process. Needs root, libpcap, tcpdump, tshark
 * and python3.
 */
class LivePipelineTest {
  private static final String SERVER = String.join("\n",
      "import socket, sys",
      "s = socket.socket()",
      "s.bind(('10.77.0.1', 8080))",
      "s.listen()",
      "print('ready', flush=True)",
      "for _ in range(2):",
      "    c, _ = s.accept()",
      "    while True:",
      "        d = c.recv(65536)",
      "        if not d: break",
      "        c.sendall(d)",
      "    c.close()",
      "sys.stdin.read()");

  private static final String CLIENT = String.join("\n",
      "import socket",
      "for size in (1000, 50000):",
      "    c = socket.create_connection(('10.77.0.1', 8080), timeout=5)",
      "    c.sendall(b'x' * size)",
      "    got = 0",
      "    while got < size: got += len(c.recv(65536))",
      "    c.close()");

  @TempDir Path dir;

  @Test
  void flowsRolesCountsAndServerProcessMatchTshark() throws Exception {
    assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("Uid:\t0\t"), "needs root");
    for (String tool : new String[] {"ip", "tcpdump", "tshark", "python3"}) {
      assumeTrue(new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0, "needs " + tool);
    }
    Path pcap = dir.resolve("tcpdump.pcap");
    try (VethPair net = new VethPair("pipe")) {
      Process tcpdump = net.processIn(net.a, "tcpdump", "-i", "pfa0", "-n", "-U", "--immediate-mode", "-w",
          pcap.toString()).redirectErrorStream(true).start();
      Process server = null;
      try {
        BufferedReader tcpdumpSays = reader(tcpdump);
        assertEquals(true, tcpdumpSays.readLine().contains("listening on"));
        List<FlowRecord> flows = new ArrayList<>();
        FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), flows::add);
        LiveCapture capture = net.inA(() -> LiveCapture.open(LiveOptions.of("pfa0"))).get(10, TimeUnit.SECONDS);
        ProcessAttribution processes = new ProcessAttribution(
            new ProcessResolver(ProcFs.system(), System::nanoTime, Duration.ofMillis(100)));
        Future<LiveResult> running = net.inA(() -> capture.run(analyzer::onFrame, TickHandler.NONE,
            StopCondition.never().after(Duration.ofSeconds(30))));

        server = net.processIn(net.a, "python3", "-c", SERVER).redirectErrorStream(true).start();
        assertEquals("ready", reader(server).readLine());
        VethPair.run("ip", "netns", "exec", net.b, "python3", "-c", CLIENT);
        Thread.sleep(300);
        capture.stop();
        LiveResult result = running.get(5, TimeUnit.SECONDS);
        analyzer.finish();
        long serverPid = server.pid();
        List<FlowProcesses> attributed =
            net.inA(() -> flows.stream().map(processes::finish).toList()).get(10, TimeUnit.SECONDS);
        capture.close();
        tcpdump.destroy();
        tcpdump.waitFor(10, TimeUnit.SECONDS);

        Map<String, long[]> reference = tsharkConversations(pcap);
        assertEquals(2, flows.size(), "flows: " + flows);
        assertEquals(reference.keySet(), conversations(flows).keySet());
        for (int i = 0; i < flows.size(); i++) {
          FlowRecord f = flows.get(i);
          long[] expected = reference.get(key(f));
          assertEquals(expected[0], f.clientToServer().packets(), "client packets of " + key(f));
          assertEquals(expected[1], f.clientToServer().bytes(), "client bytes of " + key(f));
          assertEquals(expected[2], f.serverToClient().packets(), "server packets of " + key(f));
          assertEquals(expected[3], f.serverToClient().bytes(), "server bytes of " + key(f));
          assertEquals("10.77.0.1", f.server().ip());
          assertEquals(8080, f.server().port());
          assertEquals(RoleSource.SYN, f.roleSource());
          assertEquals(EndReason.END_OF_CAPTURE, f.endReason());
          assertNotNull(attributed.get(i).server(), "server process of " + key(f));
          assertEquals(serverPid, attributed.get(i).server().pid());
          assertEquals("python3", attributed.get(i).server().command());
          assertEquals("root", attributed.get(i).server().user());
          assertNull(attributed.get(i).client(), "the client lives in the other namespace");
        }
        assertEquals(reference.values().stream().mapToLong(c -> c[0] + c[2]).sum(), result.stats().frames()
            - arpFrames(pcap));
      } finally {
        tcpdump.destroyForcibly();
        if (server != null) server.destroyForcibly();
      }
    }
  }

  private static String key(FlowRecord f) {
    return f.client().ip() + ":" + f.client().port() + " > " + f.server().ip() + ":" + f.server().port();
  }

  private static Map<String, long[]> conversations(List<FlowRecord> flows) {
    Map<String, long[]> map = new TreeMap<>();
    for (FlowRecord f : flows) map.put(key(f), new long[0]);
    return map;
  }

  /**
   * Per TCP stream, from tshark: "client > server" (the client sent the bare SYN) to {client
   * frames, client bytes, server frames, server bytes}, bytes being frame lengths on the wire.
   */
  private static Map<String, long[]> tsharkConversations(Path pcap) throws Exception {
    String out = VethPair.output("tshark", "-r", pcap.toString(), "-Y", "tcp", "-T", "fields", "-E", "separator=,",
        "-e", "tcp.stream", "-e", "ip.src", "-e", "tcp.srcport", "-e", "ip.dst", "-e", "tcp.dstport",
        "-e", "frame.len", "-e", "tcp.flags.syn", "-e", "tcp.flags.ack");
    Map<Integer, String> clientOf = new TreeMap<>();
    Map<Integer, List<String[]>> rows = new TreeMap<>();
    for (String line : out.strip().split("\n")) {
      String[] f = line.split(",");
      int stream = Integer.parseInt(f[0]);
      rows.computeIfAbsent(stream, s -> new ArrayList<>()).add(f);
      if (isTrue(f[6]) && !isTrue(f[7])) clientOf.put(stream, f[1] + ":" + f[2] + " > " + f[3] + ":" + f[4]);
    }
    Map<String, long[]> result = new TreeMap<>();
    for (var e : rows.entrySet()) {
      String client = clientOf.get(e.getKey());
      long[] c = new long[4];
      for (String[] f : e.getValue()) {
        boolean fromClient = client.startsWith(f[1] + ":" + f[2] + " ");
        c[fromClient ? 0 : 2]++;
        c[fromClient ? 1 : 3] += Long.parseLong(f[5]);
      }
      result.put(client, c);
    }
    return result;
  }

  private static long arpFrames(Path pcap) throws Exception {
    String out = VethPair.output("tshark", "-r", pcap.toString(), "-Y", "arp", "-T", "fields", "-e", "frame.number");
    return out.isBlank() ? 0 : out.strip().split("\n").length;
  }

  private static boolean isTrue(String flag) {
    return flag.equals("1") || flag.equalsIgnoreCase("true");
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
