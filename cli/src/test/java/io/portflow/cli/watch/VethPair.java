package io.portflow.cli.watch;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair (pfa0 10.77.0.1/24 in A, pfb0 10.77.0.2/24 in B,
 * IPv6 off), deleted on close, and a thread that lives in A ({@code setns(2)} is per thread) for
 * opening captures there. The capture module's tests have the same fixture; test code is not
 * shared between modules.
 */
final class VethPair implements AutoCloseable {
  private static final int CLONE_NEWNET = 0x40000000;

  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);
  }

  final String a;
  final String b;
  private final ExecutorService inA = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "in-namespace-a");
    t.setDaemon(true);
    return t;
  });

  VethPair(String tag) throws IOException {
    String base = "pfcli-" + ProcessHandle.current().pid() + "-" + tag;
    a = base + "-a";
    b = base + "-b";
    try {
      for (String ns : List.of(a, b)) {
        run("ip", "netns", "add", ns);
        run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
            "net.ipv6.conf.default.disable_ipv6=1");
        run("ip", "-n", ns, "link", "set", "lo", "up");
      }
      run("ip", "link", "add", "pfa0", "netns", a, "type", "veth", "peer", "name", "pfb0", "netns", b);
      run("ip", "-n", a, "addr", "add", "10.77.0.1/24", "dev", "pfa0");
      run("ip", "-n", b, "addr", "add", "10.77.0.2/24", "dev", "pfb0");
      run("ip", "-n", a, "link", "set", "pfa0", "up");
      run("ip", "-n", b, "link", "set", "pfb0", "up");
      inA(() -> {
        enter(a);
        return null;
      }).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IOException("cannot set up namespaces " + a + " and " + b + ": " + e.getMessage(), e);
    }
  }

  /** Runs a task on the thread that lives in namespace A. */
  <T> Future<T> inA(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    inA.execute(() -> {
      try {
        result.complete(task.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result;
  }

  ProcessBuilder processIn(String ns, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(command));
    return new ProcessBuilder(cmd);
  }

  @Override
  public void close() {
    inA.shutdownNow();
    for (String ns : List.of(a, b)) {
      try {
        run("ip", "netns", "del", ns);
      } catch (IOException e) {
        // not created, or gone already
      }
    }
  }

  static String run(String... cmd) throws IOException {
    return run(new ProcessBuilder(cmd).redirectErrorStream(true), cmd);
  }

  /** Standard output only: for tools that chatter on standard error (tshark as root). */
  static String output(String... cmd) throws IOException {
    return run(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD), cmd);
  }

  private static String run(ProcessBuilder builder, String... cmd) throws IOException {
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", cmd) + ": " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd), e);
    }
    return out;
  }

  private static void enter(String ns) throws IOException {
    int fd = LibC.INSTANCE.open("/var/run/netns/" + ns, 0);
    if (fd < 0) throw new IOException("open /var/run/netns/" + ns + ": errno " + Native.getLastError());
    try {
      if (LibC.INSTANCE.setns(fd, CLONE_NEWNET) != 0) throw new IOException("setns: errno " + Native.getLastError());
    } finally {
      LibC.INSTANCE.close(fd);
    }
  }
}
