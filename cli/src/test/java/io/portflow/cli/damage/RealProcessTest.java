package io.portflow.cli.damage;

import static io.portflow.cli.damage.CaptureEdits.pcapRecords;
import static io.portflow.cli.damage.CaptureEdits.sample;
import static io.portflow.cli.damage.CaptureEdits.withU32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.fixtures.Frames.Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a real process shows: a pipe whose reader goes away, and a heap too small for what a
 * lying length field asks for. The JVM runs {@code io.portflow.cli.Main}, the jar's main class, on
 * the test class path (building the jar inside a test run would race the build running the test).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RealProcessTest {
  /** 10000 connections, 80000 frames (about 6 MB): output enough to fill any pipe buffer many times. */
  private static final int CONNECTIONS = 10_000;
  private static final long T0 = 1_700_000_000_000_000_000L;

  @TempDir static Path dir;
  private static Path big;

  @BeforeAll
  static void bigCapture() throws IOException {
    big = dir.resolve("big.pcap");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(big), 1 << 16)) {
      out.write(pcapHeader(1, 65535));
      for (int i = 0; i < CONNECTIONS; i++) {
        String client = "10.1." + (i >> 8 & 0xff) + "." + (i & 0xff);
        for (Frame f : Frames.connection(T0 + i * 10_000_000L, client, 40000 + i % 20000, "10.0.0.9", 443, 100, 1000)) {
          out.write(record(f.timestampNanos(), f.data()));
        }
      }
    }
  }

  @Test
  void closedPipe_jsonl_endsQuietlyAndQuickly() throws Exception {
    for (String threads : new String[] {"1", "2"}) {
      Result r = shell(portflow() + " analyze --threads " + threads + " --format jsonl " + big + " | head -1");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals("", r.err());
      assertEquals(1, r.out().split("\n").length);
      assertTrue(r.out().startsWith("{\"flow_id\":0,"), r.out());
    }
  }

  @Test
  void closedPipe_table_endsQuietly() throws Exception {
    Result r = shell(portflow() + " analyze " + big + " | head -1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertEquals(big + ": pcap, ethernet\n", r.out());
  }

  @Test
  void closedPipe_withDamage_stillQuiet() throws Exception {
    Path cut = dir.resolve("big-cut.pcap");
    byte[] all = Files.readAllBytes(big);
    Files.write(cut, Arrays.copyOf(all, all.length - 7));
    Result r = shell(portflow() + " analyze --format jsonl " + cut + " | head -1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err(), "nobody reads the output, so the damage is not worth a word");
  }

  /** 0x7fffffff, 100 MB on D-Bus (whose frames may be 128 MiB) and a 120 MB pcapng block, in tiny files. */
  @Test
  void lyingLengths_failFastInA32MegabyteHeap() throws Exception {
    byte[] pcap = sample("vlan-aerospike.pcap");
    int at = pcapRecords(pcap).get(9);
    Path huge = Files.write(dir.resolve("huge.pcap"), withU32(pcap, at + 8, 0x7fffffff));
    assertSmallHeapDamage(huge, "record 10 at byte offset " + at + ": captured length 2147483647 exceeds the"
        + " 262144-byte limit (expected: at most the snaplen, 16384)");

    ByteBuffer dbus = ByteBuffer.allocate(24 + 16 + 100).order(ByteOrder.LITTLE_ENDIAN);
    dbus.put(pcapHeader(231, 0)).putInt(0).putInt(0).putInt(100_000_000).putInt(100_000_000);
    Path dbusPcap = Files.write(dir.resolve("dbus.pcap"), dbus.array());
    assertSmallHeapDamage(dbusPcap, "record 1 at byte offset 24: packet data cut off: 100 of 100000000 bytes"
        + " present (expected: 100000000, the record's captured length)");

    ByteBuffer ng = ByteBuffer.allocate(28 + 20 + 100).order(ByteOrder.LITTLE_ENDIAN);
    ng.putInt(0x0a0d0d0a).putInt(28).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
    ng.putInt(1).putInt(20).putShort((short) 231).putShort((short) 0).putInt(0).putInt(20);
    ng.putInt(6).putInt(120_000_000);
    Path dbusNg = Files.write(dir.resolve("dbus.pcapng"), ng.array());
    assertSmallHeapDamage(dbusNg, "block 3 at byte offset 48: block total length 120000000 runs past the end"
        + " of the file (expected: at most 100, the bytes left)");
  }

  /** 200000 connection attempts at once, each a flow until the end: more than a 16 MB heap holds. */
  @Test
  void outOfMemory_oneLineSayingWhatToDo_noStackTrace() throws Exception {
    Path syns = dir.resolve("syns.pcap");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(syns), 1 << 16)) {
      out.write(pcapHeader(101, 65535));
      for (int i = 0; i < 200_000; i++) {
        String client = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
        byte[] ethernet = Frames.tcp4(client, 40000, "10.0.0.9", 80, Frames.SYN, 1, 0, 0);
        out.write(record(T0 + i * 1000L, Arrays.copyOfRange(ethernet, 14, ethernet.length)));
      }
    }
    Result r = shell(java() + " -Xmx16m -cp " + quote(classPath()) + " io.portflow.cli.Main analyze " + syns);
    assertEquals(1, r.exitCode(), r.err());
    // The JVM may report a little less than -Xmx as its maximum heap.
    assertTrue(r.err().matches("portflow: out of memory: the flows do not fit in a 1\\d MiB Java heap \\(expected:"
        + " a larger heap, e.g. PORTFLOW_JAVA_OPTS=-Xmx1g; --format jsonl keeps only the flows alive at once\\)\n"),
        r.err());
  }

  private static void assertSmallHeapDamage(Path file, String problem) throws Exception {
    Result r = shell(java() + " -Xmx32m -cp " + quote(classPath()) + " io.portflow.cli.Main analyze " + file);
    assertEquals("portflow: " + file + ": " + problem + "\n", r.err());
    assertEquals(4, r.exitCode());
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result shell(String command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command)
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
    p.getOutputStream().close();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("hung: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String portflow() {
    return java() + " -cp " + quote(classPath()) + " io.portflow.cli.Main";
  }

  private static String java() {
    return quote(ProcessHandle.current().info().command().orElseThrow());
  }

  /** Surefire's class path: its booter jar, whose manifest names every directory and jar. */
  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static byte[] pcapHeader(int linkType, int snaplen) {
    return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
        .putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkType).array();
  }

  private static byte[] record(long nanos, byte[] frame) {
    return ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L / 1000))
        .putInt(frame.length).putInt(frame.length).put(frame).array();
  }
}
