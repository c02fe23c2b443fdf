import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import sun.misc.Unsafe;

/**
 * The floor for a JVM program: reads a classic pcap of Ethernet frames through mapped windows of
 * 64 MiB, each unmapped as the next is mapped (as portflow's reader does, with smaller windows) so
 * that resident memory stays small; decodes Ethernet (with 802.1Q/802.1ad tags), IPv4, IPv6 (no
 * extension headers) and the TCP ports; and counts packets and wire bytes per 4-tuple in an
 * open-addressing table. One thread, no TCP state, and no output but the totals.
 *
 * <p>scripts/bench compiles it with javac and times it next to the C libpcap loop and portflow:
 * what separates it from the C loop is the JVM's start-up and JIT plus the decoding; what
 * separates portflow from it is everything else portflow does per connection (state, roles,
 * labels, Community ID, JSON Lines).
 */
public final class JavaReadFloor {
  private static final long WINDOW = 64L << 20;
  private static final int RECORD_HEADER = 16;
  private static final Unsafe UNSAFE = unsafe();

  private long[] keys = new long[5 << 18];
  private long[] counts = new long[2 << 18];
  private int mask = (1 << 18) - 1;
  private int connections;

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JavaReadFloor FILE");
      System.exit(2);
    }
    try {
      new JavaReadFloor().read(Path.of(args[0]));
    } catch (IOException e) {
      System.err.println("JavaReadFloor: " + e.getMessage());
      System.exit(1);
    }
  }

  private void read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 24) {
        throw new IOException(file + ": " + size + " bytes, shorter than a pcap file header");
      }
      ByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, 24);
      ByteOrder order = switch (header.getInt(0)) {
        case 0xa1b2c3d4, 0xa1b23c4d -> ByteOrder.BIG_ENDIAN;
        case 0xd4c3b2a1, 0x4d3cb2a1 -> ByteOrder.LITTLE_ENDIAN;
        default -> throw new IOException(file + ": not a classic pcap file");
      };
      if (header.order(order).getInt(20) != 1) {
        throw new IOException(file + ": link type " + header.getInt(20) + ", expected 1 (Ethernet)");
      }
      long frames = 0;
      long segments = 0;
      long position = 24;
      long windowStart = 0;
      ByteBuffer window = null;
      ByteBuffer records = null; // the same window in the file's byte order, for record headers
      while (position + RECORD_HEADER <= size) {
        if (window == null || position + RECORD_HEADER > windowStart + window.capacity()) {
          windowStart = position;
          window = map(channel, window, position, size);
          records = window.duplicate().order(order);
        }
        int at = (int) (position - windowStart);
        int captured = records.getInt(at + 8);
        if (captured < 0 || position + RECORD_HEADER + captured > size) {
          break; // a truncated last record
        }
        if (at + RECORD_HEADER + captured > window.capacity()) {
          windowStart = position;
          window = map(channel, window, position, size);
          records = window.duplicate().order(order);
          at = 0;
        }
        frames++;
        if (count(window, at + RECORD_HEADER, captured, records.getInt(at + 12))) {
          segments++;
        }
        position += RECORD_HEADER + captured;
      }
      System.out.println(frames + " frames, " + segments + " TCP segments, " + connections + " 4-tuples");
    }
  }

  /** Maps the next window, and unmaps {@code old} now rather than when the collector finds it. */
  private static ByteBuffer map(FileChannel channel, ByteBuffer old, long position, long size)
      throws IOException {
    if (old != null) {
      UNSAFE.invokeCleaner(old);
    }
    return channel.map(FileChannel.MapMode.READ_ONLY, position, Math.min(WINDOW, size - position));
  }

  private static Unsafe unsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no sun.misc.Unsafe to unmap windows with", e);
    }
  }

  /** Decodes one frame; true when it was a TCP segment, counted against its 4-tuple. */
  private boolean count(ByteBuffer frame, int start, int captured, int wireLength) {
    int end = start + captured;
    int at = start + 12;
    if (at + 2 > end) {
      return false;
    }
    int etherType = Short.toUnsignedInt(frame.getShort(at));
    at += 2;
    while ((etherType == 0x8100 || etherType == 0x88a8) && at + 4 <= end) {
      etherType = Short.toUnsignedInt(frame.getShort(at + 2));
      at += 4;
    }
    long aHi = 0;
    long aLo;
    long bHi = 0;
    long bLo;
    int tcp;
    if (etherType == 0x0800 && at + 20 <= end) {
      if (frame.get(at + 9) != 6 || (frame.getShort(at + 6) & 0x3fff) != 0) {
        return false;
      }
      aLo = Integer.toUnsignedLong(frame.getInt(at + 12));
      bLo = Integer.toUnsignedLong(frame.getInt(at + 16));
      tcp = at + (frame.get(at) & 0xf) * 4;
    } else if (etherType == 0x86dd && at + 40 <= end) {
      if (frame.get(at + 6) != 6) {
        return false;
      }
      aHi = frame.getLong(at + 8);
      aLo = frame.getLong(at + 16);
      bHi = frame.getLong(at + 24);
      bLo = frame.getLong(at + 32);
      tcp = at + 40;
    } else {
      return false;
    }
    if (tcp + 20 > end) {
      return false;
    }
    int aPort = Short.toUnsignedInt(frame.getShort(tcp));
    int bPort = Short.toUnsignedInt(frame.getShort(tcp + 2));
    int order = aHi != bHi ? Long.compare(aHi, bHi) : Long.compare(aLo, bLo);
    int slot = order > 0 || order == 0 && aPort > bPort
        ? slot(bHi, bLo, aHi, aLo, (long) bPort << 16 | aPort)
        : slot(aHi, aLo, bHi, bLo, (long) aPort << 16 | bPort);
    counts[2 * slot]++;
    counts[2 * slot + 1] += wireLength;
    return true;
  }

  /** The slot holding this 4-tuple, claimed (with no packets yet) when it is new. */
  private int slot(long aHi, long aLo, long bHi, long bLo, long ports) {
    long hash = (aHi * 0x9e3779b97f4a7c15L) ^ (aLo * 0xc2b2ae3d27d4eb4fL)
        ^ (bHi * 0x165667b19e3779f9L) ^ (bLo * 0x27d4eb2f165667c5L) ^ (ports * 0x85ebca77c2b2ae63L);
    for (int slot = (int) (hash ^ hash >>> 29) & mask; ; slot = (slot + 1) & mask) {
      int k = 5 * slot;
      if (counts[2 * slot] == 0) {
        if (++connections > mask / 2) {
          grow();
          return slot(aHi, aLo, bHi, bLo, ports);
        }
        keys[k] = aHi;
        keys[k + 1] = aLo;
        keys[k + 2] = bHi;
        keys[k + 3] = bLo;
        keys[k + 4] = ports;
        return slot;
      }
      if (keys[k] == aHi && keys[k + 1] == aLo && keys[k + 2] == bHi && keys[k + 3] == bLo
          && keys[k + 4] == ports) {
        return slot;
      }
    }
  }

  /** Doubles the table: every 4-tuple moves to its slot in the new one, with its counts. */
  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    int slots = 2 * (mask + 1);
    keys = new long[5 * slots];
    counts = new long[2 * slots];
    mask = slots - 1;
    connections = 0;
    for (int old = 0; old < oldCounts.length / 2; old++) {
      if (oldCounts[2 * old] != 0) {
        int k = 5 * old;
        int slot = slot(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldKeys[k + 4]);
        counts[2 * slot] = oldCounts[2 * old];
        counts[2 * slot + 1] = oldCounts[2 * old + 1];
      }
    }
  }
}
