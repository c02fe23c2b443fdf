package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.cli.output.ProcessInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A listener inside a network namespace of its own is found through that namespace's socket
 * tables ({@code /proc/PID/net}, which is what {@code /proc/net} shows a process started with
 * {@code ip netns exec}), and not through ours. Needs root and python3.
 */
class ProcessResolverNamespaceTest {
  @Test
  void listenerInAnotherNamespace() throws Exception {
    assumeTrue(isRoot(), "needs root to create a network namespace");
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")), "needs ip");
    String ns = "pfwatch-" + ProcessHandle.current().pid();
    assumeTrue(new ProcessBuilder("ip", "netns", "add", ns).start().waitFor() == 0,
        "cannot create network namespaces here");
    Process server = null;
    try {
      run("ip", "-n", ns, "link", "set", "lo", "up");
      server = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", String.join("\n",
          "import socket, time",
          "s = socket.socket()",
          "s.bind(('127.0.0.1', 48080))",
          "s.listen()",
          "print('ready', flush=True)",
          "time.sleep(30)")).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assumeTrue("ready".equals(out.readLine()), "python3 could not listen in the namespace");
      long pythonPid = server.descendants().filter(p -> p.info().command().orElse("").contains("python"))
          .findFirst().map(ProcessHandle::pid).orElse(server.pid());

      ProcFs inNamespace = new ProcFs(Path.of("/proc"), Path.of("/proc", Long.toString(pythonPid), "net"),
          Path.of("/etc/passwd"), ByteOrder.nativeOrder());
      ProcessInfo found = new ProcessResolver(inNamespace, System::nanoTime, Duration.ofMillis(500))
          .localEnd("tcp", "127.0.0.1", 48080, "127.0.0.1", 50000, true);
      assertNotNull(found);
      assertEquals(pythonPid, found.pid());
      assertEquals("root", found.user());

      assertNull(ProcessResolver.system().localEnd("tcp", "127.0.0.1", 48080, "127.0.0.1", 50000, true),
          "our own namespace has no such listener");
    } finally {
      if (server != null) server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      new ProcessBuilder("ip", "netns", "del", ns).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }
  }

  private static boolean isRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
    } catch (Exception e) {
      return false;
    }
  }
}
