package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Jazzer target for the packet decoder and the flow table behind it: one frame of any bytes on any
 * link type, fed three times (again at once, then after the idle timeout) with captured lengths
 * above, below and far below the wire length. Every outcome must be a flow or a named skip reason,
 * never an exception.
 *
 * <p>Input: the first byte picks the link type from {@link #LINK_TYPES} (modulo its length), the
 * rest is the frame. In a normal test run it replays {@code PacketDecoderFuzzTestInputs/oneFrame/}
 * (single frames cut from the test captures, and every input a campaign found);
 * {@code scripts/fuzz decoder MINUTES} fuzzes it.
 */
class PacketDecoderFuzzTest {
  /** Append only: the stored inputs name their link type by index into this list. */
  static final int[] LINK_TYPES = {
    LinkTypes.ETHERNET, LinkTypes.LINUX_SLL, LinkTypes.LINUX_SLL2, LinkTypes.RAW, LinkTypes.IPV4,
    LinkTypes.IPV6, LinkTypes.NULL, LinkTypes.LOOP, LinkTypes.PPP, LinkTypes.C_HDLC, LinkTypes.FDDI,
    LinkTypes.NFLOG, LinkTypes.IPOIB, LinkTypes.RAW_12, LinkTypes.RAW_14, 147,
  };
  private static final long T0 = 1_600_000_000_000_000_000L;
  private static final long TEN_MINUTES = 600_000_000_000L;

  @FuzzTest(maxDuration = "10m")
  void oneFrame(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int linkType = LINK_TYPES[(input[0] & 0xff) % LINK_TYPES.length];
    int length = input.length - 1;
    List<FlowRecord> flows = new ArrayList<>();
    FlowAnalyzer analyzer = new FlowAnalyzer(
        AnalyzerConfig.defaults().withTransports(EnumSet.of(Transport.TCP, Transport.UDP)), flows::add);
    analyzer.onFrame(T0, linkType, input, 1, length, length);
    analyzer.onFrame(T0 + 1_000, linkType, input, 1, length, length / 2);
    analyzer.onFrame(T0 + TEN_MINUTES, linkType, input, 1, length, Integer.MAX_VALUE);
    analyzer.finish();

    CaptureSummary summary = analyzer.summary();
    long skipped = summary.skipped().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(3, summary.packets());
    assertEquals(3, summary.tcpPackets() + summary.udpPackets() + skipped, summary.toString());
    assertEquals(flows.size(), summary.flows());
    for (FlowRecord flow : flows) {
      assertValid(flow);
    }
  }

  private static void assertValid(FlowRecord flow) {
    assertTrue(flow.ipVersion() == 4 || flow.ipVersion() == 6, flow.toString());
    assertTrue(flow.client().port() >= 0 && flow.client().port() <= 0xffff, flow.toString());
    assertTrue(flow.server().port() >= 0 && flow.server().port() <= 0xffff, flow.toString());
    long packets = flow.clientToServer().packets() + flow.serverToClient().packets();
    assertTrue(packets >= 1 && packets <= 3, flow.toString());
    assertTrue(flow.clientToServer().bytes() >= 0 && flow.serverToClient().bytes() >= 0, flow.toString());
    assertTrue(flow.clientToServer().payloadBytes() >= 0 && flow.serverToClient().payloadBytes() >= 0,
        flow.toString());
  }
}
