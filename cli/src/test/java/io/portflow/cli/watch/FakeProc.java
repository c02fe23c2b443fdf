package io.portflow.cli.watch;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc tree in a temporary directory: socket tables, processes with fds, and a passwd file. */
public final class FakeProc {
  final Path root;

  public FakeProc(Path root) throws IOException {
    this.root = root;
    Files.createDirectories(root.resolve("proc/net"));
    for (String t : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
      Files.writeString(root.resolve("proc/net").resolve(t), "  sl  local_address rem_address   st\n");
    }
    Files.writeString(root.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/bin/false\n");
  }

  public ProcFs fs() {
    return new ProcFs(root.resolve("proc"), root.resolve("proc/net"), root.resolve("passwd"), ByteOrder.LITTLE_ENDIAN);
  }

  /** Appends a line to /proc/net/{table}: "0100007F:1F90 00000000:0000 0A ... uid ... inode". */
  public FakeProc socket(String table, String local, String remote, int state, int uid, long inode) throws IOException {
    String line = String.format("   0: %s %s %02X 00000000:00000000 00:00000000 00000000 %5d        0 %d 1 0000000000000000%n",
        local, remote, state, uid, inode);
    Files.writeString(root.resolve("proc/net").resolve(table), line, java.nio.file.StandardOpenOption.APPEND);
    return this;
  }

  /** Empties every socket table: the sockets are gone (closed, or in TIME_WAIT with no holder). */
  public FakeProc noSockets() throws IOException {
    for (String t : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
      Files.writeString(root.resolve("proc/net").resolve(t), "  sl  local_address rem_address   st\n");
    }
    return this;
  }

  /** A process with a name, an effective uid and sockets open on fds 3, 4, ... */
  public FakeProc process(int pid, String comm, int uid, long... socketInodes) throws IOException {
    Path dir = root.resolve("proc").resolve(Integer.toString(pid));
    Files.createDirectories(dir.resolve("fd"));
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nUid:\t0\t" + uid + "\t" + uid + "\t" + uid + "\n");
    Files.createSymbolicLink(dir.resolve("fd/0"), Path.of("/dev/null"));
    int fd = 3;
    for (long inode : socketInodes) Files.createSymbolicLink(dir.resolve("fd/" + fd++), Path.of("socket:[" + inode + "]"));
    return this;
  }

  public void exit(int pid) throws IOException {
    Path dir = root.resolve("proc").resolve(Integer.toString(pid));
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
