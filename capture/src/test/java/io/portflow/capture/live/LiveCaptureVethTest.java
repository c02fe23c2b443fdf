package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real kernel TCP across a veth pair between two namespaces, captured on one end by {@link
 * LiveCapture} and by tcpdump at the same time: both must hold the same frames, byte for byte,
 * with the same wire lengths and kernel timestamps.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveCaptureVethTest {
  private static final int LINKTYPE_ETHERNET = 1;

  @TempDir Path dir;

  @BeforeEach
  void requirements() {
    Privileges.assumeNamespaces();
    Privileges.assumeTool("tcpdump");
    Privileges.assumeTool("python3");
  }

  @ParameterizedTest(name = "{0}, immediate={1}")
  @CsvSource({"BREAKLOOP, false", "BREAKLOOP, true", "POLL, false", "POLL, true"})
  void capturesWhatTcpdumpCaptures(WakeMode mode, boolean immediate) throws Exception {
    // Immediate mode uses TPACKET_V2 with one ring slot per frame: with 64 KiB GSO frames on
    // veth the default 2 MiB ring holds about 32, and a 5 ms poll park can overflow it.
    LiveOptions options = LiveOptions.of("pfa0").withWakeMode(mode).withImmediate(immediate)
        .withBufferBytes(32 << 20).withWriteFile(dir.resolve("ours.pcap"));
    Captured run = captureExchange(options, null, ExchangeEnd::finalAckIn);

    List<TestPcap.Frame> reference = TestPcap.read(dir.resolve("tcpdump.pcap")).frames();
    assertTrue(reference.size() >= 20, "tcpdump saw only " + reference.size() + " frames");
    assertSameFrames(reference, run.frames.frames);
    assertEquals(StopReason.STOPPED, run.result.reason());
    assertEquals(reference.size(), run.result.stats().frames());
    assertEquals(reference.stream().mapToLong(TestPcap.Frame::wireLength).sum(), run.result.stats().bytes());

    TestPcap.File saved = TestPcap.read(dir.resolve("ours.pcap"));
    assertEquals(LINKTYPE_ETHERNET, saved.linkType());
    assertTrue(saved.nanos(), "written with nanosecond timestamps");
    assertEquals(run.frames.frames, saved.frames(), "--write file differs from the frames handed over");
    String readBack = Commands.run("tcpdump", "-nr", dir.resolve("ours.pcap").toString());
    assertEquals(reference.size(), readBack.lines().filter(l -> !l.startsWith("reading from file")).count(),
        "tcpdump reads our file back");
  }

  @Test
  void filterKeepsWhatTcpdumpsFilterKeeps() throws Exception {
    // Long frames, and the FINs: the server's FIN is then the last frame the filter keeps.
    String filter = "tcp port 8080 and (greater 100 or tcp[tcpflags] & tcp-fin != 0)";
    Captured run = captureExchange(LiveOptions.of("pfa0").withFilter(filter).withBufferBytes(32 << 20), filter,
        ExchangeEnd::serverFinIn);

    List<TestPcap.Frame> reference = TestPcap.read(dir.resolve("tcpdump.pcap")).frames();
    assertTrue(reference.size() >= 4, "tcpdump kept only " + reference.size() + " frames");
    assertSameFrames(reference, run.frames.frames);
    assertTrue(run.frames.frames.stream().allMatch(f -> f.wireLength() >= 100 || ExchangeEnd.isFin(f)));
    assertEquals(2, run.frames.frames.stream().filter(ExchangeEnd::isFin).count(), "both FINs kept");
    assertTrue(run.frames.frames.stream().anyMatch(f -> f.wireLength() > 1000), "data frames kept");
  }

  @Test
  void snaplenCutsFramesButKeepsWireLength() throws Exception {
    Captured run = captureExchange(LiveOptions.of("pfa0").withSnaplen(64).withBufferBytes(32 << 20)
        .withWriteFile(dir.resolve("ours.pcap")), null, ExchangeEnd::finalAckIn);

    List<TestPcap.Frame> reference = TestPcap.read(dir.resolve("tcpdump.pcap")).frames();
    List<TestPcap.Frame> ours = run.frames.frames;
    assertMatchingFrames(reference, ours, 64);
    assertTrue(ours.stream().allMatch(f -> f.data().length <= 64));
    assertTrue(ours.stream().anyMatch(f -> f.wireLength() > 64));
    TestPcap.File saved = TestPcap.read(dir.resolve("ours.pcap"));
    assertEquals(64, saved.snaplen());
    assertEquals(ours, saved.frames(), "the file keeps each frame's wire length");
  }

  /**
   * The same frames: same bytes, wire lengths, and timestamps. Two packet sockets may see frames
   * sent and received at the same moment in different orders (they are queued from different
   * CPUs), so frames are matched by content, not position. Timestamps agree to the nanosecond for
   * frames the interface received; for frames it sent the kernel stamps each socket's copy
   * separately, a few microseconds apart, so those only agree within a millisecond.
   */
  static void assertSameFrames(List<TestPcap.Frame> reference, List<TestPcap.Frame> ours) {
    assertMatchingFrames(reference, ours, Integer.MAX_VALUE);
  }

  /** As {@link #assertSameFrames}, for frames of {@code ours} cut to {@code snaplen} bytes. */
  static void assertMatchingFrames(List<TestPcap.Frame> reference, List<TestPcap.Frame> ours, int snaplen) {
    assertEquals(reference.size(), ours.size(), "frame count: tcpdump " + reference + "\nours " + ours);
    Map<String, Deque<TestPcap.Frame>> unmatched = new HashMap<>();
    for (TestPcap.Frame f : reference) {
      byte[] kept = Arrays.copyOf(f.data(), Math.min(snaplen, f.data().length));
      unmatched.computeIfAbsent(HexFormat.of().formatHex(kept), k -> new ArrayDeque<>()).add(f);
    }
    for (TestPcap.Frame f : ours) {
      Deque<TestPcap.Frame> same = unmatched.get(HexFormat.of().formatHex(f.data()));
      assertTrue(same != null && !same.isEmpty(), "tcpdump has no frame like ours: " + f);
      TestPcap.Frame r = same.removeFirst();
      assertEquals(r.wireLength(), f.wireLength(), "wire length of " + f);
      long delta = Math.abs(r.timestampNanos() - f.timestampNanos());
      assertTrue(delta < 1_000_000, "timestamp of " + f + " off by " + delta + " ns");
    }
  }

  private record Captured(FrameList frames, LiveResult result) {}

  /**
   * tcpdump and our capture on pfa0 (namespace A) around one echo exchange from namespace B.
   * Both are stopped only once each holds the exchange's last frame ({@code end}), so that they
   * hold the same frames however late either reader runs; and neither may have lost a frame to
   * a full ring.
   */
  private Captured captureExchange(LiveOptions options, String tcpdumpFilter,
      Predicate<List<TestPcap.Frame>> end) throws Exception {
    try (Netns netns = new Netns()) {
      String a = netns.create("a");
      String b = netns.create("b");
      netns.veth(a, "pfa0", b, "pfb0");
      try (Tcpdump tcpdump = Tcpdump.start(a, "pfa0", dir.resolve("tcpdump.pcap"), tcpdumpFilter);
          NamespaceThread inA = new NamespaceThread(a)) {
        LiveCapture capture = inA.submit(() -> LiveCapture.open(options)).get(10, TimeUnit.SECONDS);
        try {
          FrameList frames = new FrameList();
          Future<LiveResult> result = inA.submit(() -> capture.run(frames, TickHandler.NONE, StopCondition.never()));
          VethTraffic.exchange(a, b);
          awaitEnd("ours", frames::snapshot, end);
          awaitEnd("tcpdump", tcpdump::framesSoFar, end);
          capture.stop();
          LiveResult done = result.get(10, TimeUnit.SECONDS);
          tcpdump.stop();
          assertEquals(0, tcpdump.droppedByKernel(), "tcpdump lost frames: the comparison would be moot");
          assertEquals(0, done.stats().droppedByKernel(), "we lost frames: the comparison would be moot");
          return new Captured(frames, done);
        } finally {
          capture.close();
        }
      }
    }
  }

  private interface FramesSoFar {
    List<TestPcap.Frame> get() throws Exception;
  }

  /** Waits (20 s at most: a loaded machine may be slow, a broken capture never gets there). */
  private static void awaitEnd(String who, FramesSoFar frames, Predicate<List<TestPcap.Frame>> end)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!end.test(frames.get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(who + " never saw the end of the exchange: " + frames.get());
      }
      Thread.sleep(20);
    }
  }
}
