package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.synthetic.GeneratedCapture;
import io.portflow.capture.synthetic.TrafficGenerator;
import io.portflow.capture.synthetic.TrafficMix;
import io.portflow.cli.fixtures.FakeSource;
import io.portflow.cli.fixtures.Frames;
import io.portflow.cli.fixtures.Frames.Frame;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two-thread path gives what one thread gives, and behaves like it at the edges. */
class DecodePipelineTest {
  private static final long T0 = 1_700_000_000_000_000_000L;

  @TempDir static Path dir;
  private static Path synthetic;
  private static GeneratedCapture facts;
  /** The file name the fake sources stand for: it has to exist. */
  private static String capture;

  @BeforeAll
  static void generate() throws IOException {
    capture = Files.createFile(dir.resolve("capture.pcap")).toString();
    synthetic = dir.resolve("synthetic.pcap");
    // Enough frames (about 190 bytes each) for a dozen batches; TCP and DNS, IPv6, VLAN tags, all
    // kinds of endings.
    long bytes = 12L * DecodePipeline.BATCH_FRAMES * 190;
    facts = TrafficGenerator.write(TrafficMix.of(11, bytes).withConcurrency(150), synthetic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "json", "csv", "table"})
  void syntheticCapture_byteIdenticalOnOneAndTwoThreads(String format) {
    Run one = Run.of("analyze", "--format", format, "--transport", "tcp,udp", "--threads", "1",
        synthetic.toString());
    Run two = Run.of("analyze", "--format", format, "--transport", "tcp,udp", "--threads", "2",
        synthetic.toString());
    assertEquals(0, one.exitCode(), one.err());
    assertEquals(0, two.exitCode(), two.err());
    assertEquals(one.out(), two.out());
    assertTrue(one.out().length() > 50_000, "a real amount of output: " + one.out().length());
    if (format.equals("jsonl")) {
      long flows = one.out().lines().count();
      assertTrue(flows > facts.tcpConnections(), flows + " flows, " + facts.tcpConnections()
          + " TCP connections and " + facts.dnsLookups() + " DNS lookups");
    }
  }

  @Test
  void damagedMidway_sameRecordsErrorAndExitCode() {
    CaptureException damage = new CaptureException(Kind.DAMAGED,
        "capture.pcap: record 4001 at byte 123456: packet data cut off");
    List<Frame> frames = manyConnections(500);
    Run one = run(new FakeSource(frames, damage, capture), new StringWriter(), "--threads", "1");
    Run two = run(new FakeSource(frames, damage, capture), new StringWriter(), "--threads", "2");
    assertEquals(4, two.exitCode());
    assertEquals(one, two);
    assertEquals(500, two.out().lines().count());
  }

  @Test
  void flowsAreWrittenWhileTheCaptureIsStillBeingRead() {
    int ring = DecodePipeline.RING * DecodePipeline.BATCH_FRAMES / 8; // connections in flight at most
    List<Frame> frames = manyConnections(3 * ring);
    StringWriter out = new StringWriter();
    FakeSource fake = new FakeSource(frames, null, capture);
    int[] linesNearTheEnd = {-1};
    fake.beforeEachFrame(() -> {
      if (fake.position() == frames.size() - 1) {
        linesNearTheEnd[0] = (int) out.toString().lines().count();
      }
    });
    Run run = run(fake, out, "--threads", "2");
    assertEquals(0, run.exitCode(), run.err());
    // Besides the ring's connections: the one before them, whose end only the ring's first frame
    // showed, and up to nine lines of 900-odd bytes still in the JSON writer's 8 KiB buffer.
    int slack = 16;
    assertTrue(linesNearTheEnd[0] >= 2 * ring - slack, linesNearTheEnd[0] + " lines before the last frame");
    assertEquals(3 * ring, out.toString().lines().count());
  }

  @Test
  void closedOutput_stopsReadingWithinTheRing() {
    int readAtMost = (DecodePipeline.RING + 2) * DecodePipeline.BATCH_FRAMES;
    List<Frame> frames = manyConnections(2 * readAtMost / 8); // 8 frames each
    FakeSource fake = new FakeSource(frames, null, capture);
    Run run = run(fake, new ClosedPipe(), "--threads", "2");
    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    assertTrue(fake.nextCalls() <= readAtMost, fake.nextCalls() + " frames read of " + frames.size());
    assertTrue(fake.closed());
  }

  /** Connections 10 s apart: each is closed and gone (5 s linger) before the next begins. */
  private static List<Frame> manyConnections(int count) {
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.addAll(Frames.connection(T0 + i * 10_000_000_000L, "10.0.0.1", 32768 + i, "10.0.0.9", 443,
          100, 1000));
    }
    return frames;
  }

  private static Run run(FakeSource fake, Writer out, String... options) {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "jsonl"));
    args.addAll(List.of(options));
    args.add(capture);
    Run run = Run.of(Terminal.none(), (files, reader, filter) -> fake, out, args.toArray(new String[0]));
    return out instanceof StringWriter ? new Run(run.exitCode(), out.toString(), run.err()) : run;
  }

  /** A reader that went away: every write fails, as on a pipe whose reader exited. */
  private static final class ClosedPipe extends Writer {
    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("Broken pipe");
    }

    @Override
    public void close() {}
  }
}
