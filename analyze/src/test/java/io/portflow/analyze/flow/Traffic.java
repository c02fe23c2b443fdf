package io.portflow.analyze.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.analyze.port.ServiceNames;
import io.portflow.analyze.testing.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends TCP segments and UDP datagrams through a decoder into a {@link FlowTracker} and keeps the
 * emitted records.
 */
final class Traffic {
  final List<FlowRecord> emitted = new ArrayList<>();
  final FlowTracker tracker;
  private final PacketDecoder decoder = new PacketDecoder();
  private long clock = 1_700_000_000_000_000_000L;

  Traffic() {
    this(AnalyzerConfig.defaults());
  }

  Traffic(AnalyzerConfig config) {
    tracker = new FlowTracker(config, ServiceNames.iana(), emitted::add);
  }

  /** One segment, one millisecond after the previous one. */
  Traffic send(String src, int srcPort, String dst, int dstPort, int flags, long seq, long ack,
      int payloadLength) {
    return sendFrame(Frames.segment(src, srcPort, dst, dstPort, flags, seq, ack, payloadLength));
  }

  /** One UDP datagram, 1 ms after the previous segment. */
  Traffic sendUdp(String src, int srcPort, String dst, int dstPort, int payloadLength) {
    return sendFrame(Frames.datagram(src, srcPort, dst, dstPort, payloadLength));
  }

  /** A TCP header built by hand (see {@link Frames#tcpWithOptions}) in IPv4, 1 ms after the previous. */
  Traffic sendTcp(String src, String dst, byte[] tcp) {
    return sendFrame(Frames.ipv4(src, dst, 6, tcp));
  }

  /** A segment with an explicit zero (or other) window instead of 0xffff. */
  Traffic sendWindow(String src, int srcPort, String dst, int dstPort, int flags, long seq,
      long ack, int payloadLength, int window) {
    byte[] tcp = Frames.tcp(srcPort, dstPort, seq, ack, flags, payloadLength);
    tcp[14] = (byte) (window >>> 8);
    tcp[15] = (byte) window;
    return sendTcp(src, dst, tcp);
  }

  /** Lets capture time pass: the next segment comes {@code gap} after the previous one (not 1 ms). */
  Traffic pause(Duration gap) {
    clock += gap.toNanos() - 1_000_000;
    return this;
  }

  /** Capture time of the last segment sent. */
  long clock() {
    return clock;
  }

  Traffic sendFrame(byte[] frame) {
    return sendFrame(LinkTypes.RAW, frame, clock += 1_000_000);
  }

  Traffic sendFrame(int linkType, byte[] frame, long timestampNanos) {
    assertTrue(decoder.decode(linkType, frame, 0, frame.length, frame.length, timestampNanos),
        () -> "not a TCP segment or UDP datagram: " + decoder.skipReason());
    tracker.onSegment(decoder.segment(), timestampNanos, frame.length);
    return this;
  }

  /** Finishes the tracker and returns every record emitted, in emission order. */
  List<FlowRecord> finish() {
    tracker.finish();
    return emitted;
  }
}
