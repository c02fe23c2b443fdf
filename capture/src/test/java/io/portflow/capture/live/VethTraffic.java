package io.portflow.capture.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A small TCP exchange with the kernel's TCP between two namespaces: a python3 echo server on
 * 10.77.0.1:8080 in one, a client in the other sending 1, 1400 and 100000 bytes and reading each
 * echo back, then closing. Nothing leaves the namespaces.
 */
final class VethTraffic {
  /** The echo server's port. */
  static final int PORT = 8080;

  static final String SERVER = String.join("\n",
      "import socket",
      "s = socket.socket()",
      "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "s.bind(('10.77.0.1', 8080))",
      "s.listen()",
      "print('ready', flush=True)",
      "c, _ = s.accept()",
      "while True:",
      "    d = c.recv(65536)",
      "    if not d: break",
      "    c.sendall(d)",
      "c.close()");

  static final String CLIENT = String.join("\n",
      "import socket",
      "c = socket.create_connection(('10.77.0.1', 8080), timeout=5)",
      "for size in (1, 1400, 100000):",
      "    c.sendall(b'x' * size)",
      "    got = 0",
      "    while got < size: got += len(c.recv(65536))",
      "c.shutdown(socket.SHUT_WR)",
      "c.recv(1)",
      "c.close()");

  private VethTraffic() {}

  /** Runs the server in {@code serverNs} and the client in {@code clientNs}; returns when both end. */
  static void exchange(String serverNs, String clientNs) throws IOException, InterruptedException {
    Process server = Netns.processIn(serverNs, "python3", "-c", SERVER).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (!"ready".equals(line)) throw new IOException("echo server did not start: " + line);
      Netns.exec(clientNs, "python3", "-c", CLIENT);
      if (!server.waitFor(10, TimeUnit.SECONDS)) throw new IOException("echo server did not finish");
    } finally {
      server.destroyForcibly();
    }
  }
}
