package io.portflow.cli.watch;

import io.portflow.cli.output.ProcessInfo;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what process attribution needs from a /proc tree: the socket tables of one network
 * namespace, socket inodes held by processes, and each process's name and user. Processes come
 * and go while we read: whatever vanishes or is not ours to read is skipped, never an error.
 */
public class ProcFs {
  private final Path proc;
  private final Path net;
  private final Path passwd;
  private final ByteOrder hostOrder;

  /**
   * @param proc the /proc mount
   * @param net the socket tables to read: {@code /proc/net} is the caller's own network namespace
   *     (what {@code ip netns exec} gives), {@code /proc/PID/net} that of process PID
   * @param passwd the user database, {@code /etc/passwd}
   * @param hostOrder byte order the kernel prints address words in
   */
  public ProcFs(Path proc, Path net, Path passwd, ByteOrder hostOrder) {
    this.proc = proc;
    this.net = net;
    this.passwd = passwd;
    this.hostOrder = hostOrder;
  }

  /**
   * This machine's /proc, the calling thread's network namespace, /etc/passwd. {@code
   * /proc/thread-self/net} (Linux 3.17+) follows a thread that entered another namespace with
   * setns(2); {@code /proc/net} follows the process's main thread.
   */
  public static ProcFs system() {
    Path threadNet = Path.of("/proc/thread-self/net");
    Path net = Files.isDirectory(threadNet) ? threadNet : Path.of("/proc/net");
    return new ProcFs(Path.of("/proc"), net, Path.of("/etc/passwd"), ByteOrder.nativeOrder());
  }

  /** Every socket in tcp, tcp6, udp and udp6; a missing table (no IPv6) is just empty. */
  List<SocketEntry> sockets() {
    List<SocketEntry> all = new ArrayList<>();
    all.addAll(ProcNet.parse("tcp", false, read(net.resolve("tcp")), hostOrder));
    all.addAll(ProcNet.parse("tcp", true, read(net.resolve("tcp6")), hostOrder));
    all.addAll(ProcNet.parse("udp", false, read(net.resolve("udp")), hostOrder));
    all.addAll(ProcNet.parse("udp", true, read(net.resolve("udp6")), hostOrder));
    return all;
  }

  /**
   * For each wanted socket inode, the lowest pid holding it (a listening socket shared by a
   * master and its workers goes to the master, which started them).
   */
  Map<Long, Integer> holders(Set<Long> wanted) {
    Map<Long, Integer> found = new HashMap<>();
    if (wanted.isEmpty()) return found;
    for (int pid : pids()) {
      try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(Integer.toString(pid)).resolve("fd"))) {
        for (Path fd : fds) {
          long inode = inodeOf(fd);
          if (inode > 0 && wanted.contains(inode)) found.merge(inode, pid, Math::min);
        }
      } catch (IOException | SecurityException e) {
        // exited, or not ours to look at
      }
    }
    return found;
  }

  /** Name and user of a process, or null once it has exited. */
  ProcessInfo process(int pid, Map<Integer, String> users) {
    Path dir = proc.resolve(Integer.toString(pid));
    String comm = read(dir.resolve("comm"));
    String status = read(dir.resolve("status"));
    if (comm.isEmpty() || status.isEmpty()) return null;
    int uid = ProcText.effectiveUid(status);
    String user = users.getOrDefault(uid, Integer.toString(uid));
    return new ProcessInfo(pid, ProcText.command(comm), user);
  }

  Map<Integer, String> users() {
    return ProcText.passwd(read(passwd));
  }

  private List<Integer> pids() {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) pids.add(Integer.parseInt(name));
      }
    } catch (IOException | NumberFormatException e) {
      // no /proc: nothing to attribute
    }
    return pids;
  }

  private static long inodeOf(Path fd) {
    try {
      return ProcText.socketInode(Files.readSymbolicLink(fd).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return -1;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
