package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.cli.output.ProcessInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Real sockets opened by this JVM, found through the real /proc: both ends name this process.
 * Needs Linux's /proc, not root (a process may read its own fd table).
 */
class ProcessResolverLiveTest {
  @Test
  void ipv4Loopback_bothEndsAreThisJvm() throws Exception {
    exchangeAndResolve(InetAddress.getByName("127.0.0.1"), "127.0.0.1");
  }

  @Test
  void ipv6Loopback_bothEndsAreThisJvm() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/net/tcp6")), "no IPv6 in this kernel or namespace");
    InetAddress v6;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      v6 = probe.getInetAddress();
    } catch (IOException e) {
      assumeTrue(false, "::1 not configured: " + e.getMessage());
      return;
    }
    exchangeAndResolve(v6, "::1");
  }

  private static void exchangeAndResolve(InetAddress loopback, String text) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    int pid = (int) ProcessHandle.current().pid();
    try (ServerSocket server = new ServerSocket(0, 50, loopback);
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress(loopback, server.getLocalPort()), 2000);
      int serverPort = server.getLocalPort();
      int clientPort = client.getLocalPort();
      ProcessResolver resolver = ProcessResolver.system();

      // Not accepted yet: the kernel's socket for the server end has no file, the listener has.
      ProcessInfo listening = resolver.localEnd("tcp", text, serverPort, text, clientPort, true);
      assertNotNull(listening, "server end through the listener");
      assertEquals(pid, listening.pid());
      assertEquals(ProcessHandle.current().info().user().orElse(listening.user()), listening.user());

      ProcessInfo clientEnd = resolver.localEnd("tcp", text, clientPort, text, serverPort, false);
      assertNotNull(clientEnd, "client end through its connection");
      assertEquals(pid, clientEnd.pid());
      assertEquals(listening.command(), clientEnd.command());

      try (Socket accepted = server.accept()) {
        ProcessResolver fresh = ProcessResolver.system();
        assertEquals(pid, fresh.localEnd("tcp", text, serverPort, text, clientPort, true).pid());
      }
    }
  }
}
