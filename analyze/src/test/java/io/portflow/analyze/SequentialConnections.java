package io.portflow.analyze;

import static io.portflow.analyze.testing.Frames.ACK;
import static io.portflow.analyze.testing.Frames.FIN;
import static io.portflow.analyze.testing.Frames.PSH;
import static io.portflow.analyze.testing.Frames.SYN;

import io.portflow.analyze.testing.Frames;
import java.lang.management.ManagementFactory;

/**
 * Feeds the analyzer N short TCP connections one after another, each on its own 4-tuple (SYN,
 * SYN+ACK, ACK, request, FIN, FIN, ACK), built in place in seven reused frame buffers: nothing is
 * kept per connection but what the analyzer keeps. Run as a program so that a test can give it a
 * small heap; prints {@code key=value} lines.
 */
public final class SequentialConnections {
  private static final String CLIENT = "10.0.0.0";
  private static final String SERVER = "192.0.2.80";
  private static final int CLIENT_ADDRESS = 12;
  private static final int SERVER_ADDRESS = 16;
  private static final int CLIENT_PORT_OFFSET = 20;

  private final byte[][] frames = new byte[7][];
  /** Which frames the client sends (its address is the IP source and its port the TCP source). */
  private final boolean[] fromClient = {true, false, true, true, true, false, true};

  SequentialConnections() {
    frames[0] = Frames.segment(CLIENT, 0, SERVER, 80, SYN, 1000, 0, 0);
    frames[1] = Frames.segment(SERVER, 80, CLIENT, 0, SYN | ACK, 5000, 1001, 0);
    frames[2] = Frames.segment(CLIENT, 0, SERVER, 80, ACK, 1001, 5001, 0);
    frames[3] = Frames.segment(CLIENT, 0, SERVER, 80, PSH | ACK, 1001, 5001, 64);
    frames[4] = Frames.segment(CLIENT, 0, SERVER, 80, FIN | ACK, 1065, 5001, 0);
    frames[5] = Frames.segment(SERVER, 80, CLIENT, 0, FIN | ACK, 5001, 1066, 0);
    frames[6] = Frames.segment(CLIENT, 0, SERVER, 80, ACK, 1066, 5002, 0);
  }

  /**
   * Feeds {@code count} connections starting {@code spacingNanos} apart, one microsecond per packet.
   */
  void feed(FlowAnalyzer analyzer, int count, long spacingNanos) {
    long start = 1_700_000_000_000_000_000L;
    for (int i = 0; i < count; i++) {
      long t = start + i * spacingNanos;
      int client = 0x0a000000 | (i >>> 8); // 10.x.y.0/24 per 256 connections
      int port = 1024 + (i & 0xff);
      for (int f = 0; f < frames.length; f++) {
        byte[] frame = frames[f];
        int addressAt = fromClient[f] ? CLIENT_ADDRESS : SERVER_ADDRESS;
        int portAt = CLIENT_PORT_OFFSET + (fromClient[f] ? 0 : 2);
        put32(frame, addressAt, client);
        frame[portAt] = (byte) (port >>> 8);
        frame[portAt + 1] = (byte) port;
        analyzer.onFrame(t + f * 1_000L, LinkTypes.RAW, frame, 0, frame.length, frame.length);
      }
    }
  }

  private static void put32(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  /** Arguments: connection count, spacing in microseconds. */
  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    long spacingNanos = Long.parseLong(args[1]) * 1_000L;
    long[] counts = new long[2]; // records, records that are SF with the full history
    FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), flow -> {
      counts[0]++;
      if ("SF".equals(flow.connState()) && "ShADFf".equals(flow.history())
          && flow.endReason() == EndReason.FIN) {
        counts[1]++;
      }
    });
    new SequentialConnections().feed(analyzer, count, spacingNanos);
    long emittedBeforeFinish = counts[0];
    int active = analyzer.activeFlows();
    System.gc();
    long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    analyzer.finish();
    System.out.println("records=" + counts[0]);
    System.out.println("sf=" + counts[1]);
    System.out.println("emitted_before_finish=" + emittedBeforeFinish);
    System.out.println("active_before_finish=" + active);
    System.out.println("peak_active=" + analyzer.peakActiveFlows());
    System.out.println("heap_used_after_gc=" + heapAfterGc);
    System.out.println("max_heap=" + Runtime.getRuntime().maxMemory());
  }
}
