package io.portflow.cli.watch;

import io.portflow.cli.output.ProcessInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Finds the local process at one end of a connection, from the socket tables and the socket
 * inodes processes hold. Scans are lazy and rate-limited: the socket tables are re-read when an
 * unknown connection is asked for, the fd tables when a socket's holder is unknown, each at most
 * once per interval, and never more than a tenth of the time (a scan that took 30 ms waits 300
 * ms). Answers are never guessed: a socket that no process holds any more (TIME_WAIT, an exited
 * process) gives null. Not thread-safe: call it from one thread (the capture thread's ticks).
 */
public final class ProcessResolver {
  private final ProcFs fs;
  private final LongSupplier nanoClock;

  private SocketTable table = SocketTable.EMPTY;
  private final RateLimit tableScans;
  private Map<Long, Integer> holders = Map.of();
  private final RateLimit holderScans;
  private final Map<Long, ProcessInfo> byInode = new HashMap<>();
  private Map<Integer, String> users;

  /**
   * @param minInterval the shortest time between two scans of the same kind
   */
  public ProcessResolver(ProcFs fs, LongSupplier nanoClock, Duration minInterval) {
    this.fs = fs;
    this.nanoClock = nanoClock;
    this.tableScans = new RateLimit(minInterval.toNanos());
    this.holderScans = new RateLimit(minInterval.toNanos());
  }

  /** This machine's /proc and network namespace, rescanning at most twice a second. */
  public static ProcessResolver system() {
    return new ProcessResolver(ProcFs.system(), System::nanoTime, Duration.ofMillis(500));
  }

  /**
   * The process holding the local socket {@code localIp:localPort <-> remoteIp:remotePort}; for a
   * server end, else the one listening on {@code localIp:localPort}. Null when unknown.
   *
   * @param transport {@code tcp} or {@code udp}
   */
  public ProcessInfo localEnd(String transport, String localIp, int localPort, String remoteIp, int remotePort,
      boolean serverEnd) {
    SocketEntry socket = find(transport, localIp, localPort, remoteIp, remotePort, serverEnd);
    if (socket == null && tableScans.allowed(nanoClock.getAsLong())) {
      scanTable();
      socket = find(transport, localIp, localPort, remoteIp, remotePort, serverEnd);
    }
    if (socket == null) return null;
    return holderOf(socket.inode());
  }

  /**
   * Lets the next look-ups scan again at once, whatever the rate limit says: for the last look-up
   * of every open flow when a capture stops, while their sockets still exist.
   */
  public void allowRescan() {
    tableScans.reset();
    holderScans.reset();
  }

  private SocketEntry find(String transport, String localIp, int localPort, String remoteIp, int remotePort,
      boolean serverEnd) {
    SocketEntry exact = table.connected(transport, localIp, localPort, remoteIp, remotePort);
    if (exact != null && exact.inode() > 0) return exact;
    if (serverEnd || transport.equals("udp")) {
      SocketEntry listener = table.listener(transport, localIp, localPort);
      if (listener != null && listener.inode() > 0) return listener;
    }
    return null;
  }

  private ProcessInfo holderOf(long inode) {
    ProcessInfo known = byInode.get(inode);
    if (known != null) return known;
    Integer pid = holders.get(inode);
    if (pid == null && holderScans.allowed(nanoClock.getAsLong())) {
      scanHolders();
      pid = holders.get(inode);
    }
    if (pid == null) return null;
    if (users == null) users = fs.users();
    ProcessInfo info = fs.process(pid, users);
    if (info != null) byInode.put(inode, info);
    return info;
  }

  private void scanTable() {
    long start = nanoClock.getAsLong();
    table = new SocketTable(fs.sockets());
    tableScans.scanned(start, nanoClock.getAsLong());
  }

  private void scanHolders() {
    long start = nanoClock.getAsLong();
    holders = fs.holders(table.inodes());
    holderScans.scanned(start, nanoClock.getAsLong());
    byInode.keySet().retainAll(table.inodes());
  }

  /** At most one scan per interval, and at most a tenth of the time spent scanning. */
  private static final class RateLimit {
    private final long minIntervalNanos;
    private long nextAllowed = Long.MIN_VALUE;

    RateLimit(long minIntervalNanos) {
      this.minIntervalNanos = minIntervalNanos;
    }

    boolean allowed(long now) {
      return nextAllowed == Long.MIN_VALUE || now - nextAllowed >= 0;
    }

    void scanned(long start, long end) {
      nextAllowed = end + Math.max(minIntervalNanos, 10 * (end - start));
    }

    void reset() {
      nextAllowed = Long.MIN_VALUE;
    }
  }
}
