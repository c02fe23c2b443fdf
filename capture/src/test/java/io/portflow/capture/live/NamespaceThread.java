package io.portflow.capture.live;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread living in another network namespace. Linux keeps the network namespace per thread
 * ({@code setns(2)}), and a packet socket stays in the namespace it was created in, so a capture
 * opened on this thread sees that namespace's interfaces while the rest of the JVM stays home.
 * (libpcap's reads of /proc/net and /sys still show the JVM's namespace: only stats and device
 * listings are affected.)
 */
final class NamespaceThread implements AutoCloseable {
  private static final int CLONE_NEWNET = 0x40000000;
  private static final int O_RDONLY = 0;

  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);
  }

  private final ExecutorService executor;

  NamespaceThread(String namespace) throws IOException {
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "in-" + namespace);
      t.setDaemon(true);
      return t;
    });
    try {
      submit(() -> {
        enter(namespace);
        return null;
      }).get();
    } catch (Exception e) {
      executor.shutdownNow();
      throw new IOException("cannot enter network namespace " + namespace, e);
    }
  }

  <T> Future<T> submit(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    executor.execute(() -> {
      try {
        result.complete(task.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result;
  }

  private static void enter(String namespace) throws IOException {
    int fd = LibC.INSTANCE.open("/var/run/netns/" + namespace, O_RDONLY);
    if (fd < 0) throw new IOException("open /var/run/netns/" + namespace + ": errno " + Native.getLastError());
    try {
      if (LibC.INSTANCE.setns(fd, CLONE_NEWNET) != 0) {
        throw new IOException("setns " + namespace + ": errno " + Native.getLastError());
      }
    } finally {
      LibC.INSTANCE.close(fd);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
