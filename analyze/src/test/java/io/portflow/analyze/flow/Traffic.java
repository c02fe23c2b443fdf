package io.portflow.analyze.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.analyze.port.ServiceNames;
import io.portflow.analyze.testing.Frames;
import java.util.ArrayList;
import java.util.List;

/** Sends TCP segments through a decoder into a {@link FlowTracker} and keeps the emitted records. */
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

  Traffic sendFrame(byte[] frame) {
    return sendFrame(LinkTypes.RAW, frame, clock += 1_000_000);
  }

  Traffic sendFrame(int linkType, byte[] frame, long timestampNanos) {
    assertTrue(decoder.decode(linkType, frame, 0, frame.length, frame.length, timestampNanos),
        () -> "not a TCP segment: " + decoder.skipReason());
    tracker.onSegment(decoder.segment(), timestampNanos, frame.length);
    return this;
  }

  /** Finishes the tracker and returns every record emitted, in emission order. */
  List<FlowRecord> finish() {
    tracker.finish();
    return emitted;
  }
}
