package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.Host;
import io.portflow.cli.fixtures.VethPair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code watch} run through picocli in this JVM, on a thread that lives in the veth pair's
 * namespace A: with standard output not a terminal and no {@code --format}, there is no live view,
 * only the table of every flow at the stop, as {@code analyze} prints it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchInProcessTest {
  private static final String SERVER = String.join("\n",
      "import socket",
      "s = socket.socket()",
      "s.bind(('10.77.0.1', 8080))",
      "s.listen()",
      "print('ready', flush=True)",
      "c, _ = s.accept()",
      "while c.recv(65536): c.sendall(b'ok')",
      "c.close()");

  private static final String CLIENT = String.join("\n",
      "import socket",
      "c = socket.create_connection(('10.77.0.1', 8080), timeout=10)",
      "c.sendall(b'x' * 500)",
      "c.recv(2)",
      "c.close()");

  @Test
  void notATerminal_tableAtTheStop() throws Exception {
    Host.assumeNamespaces();
    Host.assumeTools("python3");
    try (VethPair net = new VethPair("inproc")) {
      Process server = net.processIn(net.a, "python3", "-c", SERVER).redirectErrorStream(true).start();
      try {
        assertEquals("ready", new BufferedReader(new InputStreamReader(server.getInputStream(),
            StandardCharsets.UTF_8)).readLine());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> watching = net.inA(() -> {
          CommandLine command = Main.commandLine(Terminal.none(), SourceOpener.FILES);
          command.setOut(new PrintWriter(out, true));
          command.setErr(new PrintWriter(err, true));
          return command.execute("watch", "-i", "pfa0", "--duration", "5");
        });
        awaitStart(err, watching);
        VethPair.run("ip", "netns", "exec", net.b, "python3", "-c", CLIENT);
        Run run = new Run(watching.get(30, TimeUnit.SECONDS), out.toString(), err.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("portflow: watching pfa0 (ethernet, snaplen 262144, promiscuous); "
            + "Ctrl-C stops\nportflow: pfa0: "), run.err());
        assertTrue(run.err().endsWith("; stopped after --duration\n"), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("pfa0: live, ethernet", lines[0]);
        assertTrue(lines[1].matches("\\d+ packets \\(.*\\), \\d+ TCP, 1 flow.*"), run.out());
        assertTrue(Pattern.compile("^0  10\\.77\\.0\\.2:\\d+ eph +10\\.77\\.0\\.1:8080 http-alt/reg .* closed ShADadFf",
            Pattern.MULTILINE).matcher(run.out()).find(), run.out());
        assertTrue(!run.out().contains("\033["), "no escape sequences when not a terminal");
      } finally {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Until the capture is open (it says so on standard error): traffic before would be missed. */
  private static void awaitStart(StringWriter err, Future<Integer> watching) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!err.toString().startsWith("portflow: watching pfa0")) {
      if (watching.isDone() || System.nanoTime() > deadline) {
        throw new AssertionError("watch did not start: " + err);
      }
      Thread.sleep(20);
    }
  }
}
