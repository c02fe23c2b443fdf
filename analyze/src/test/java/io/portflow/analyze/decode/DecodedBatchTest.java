package io.portflow.analyze.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.Transport;
import io.portflow.analyze.testing.Pcap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecodedBatchTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "/io/portflow/analyze/captures/bug-3844.pcap",
    "/io/portflow/analyze/captures/fragmented-syn.pcap",
    "/io/portflow/analyze/captures/socks5-http-302-frag.pcap",
    "/zeek/traces/mixed-vlan-mpls.pcap",
    "/zeek/traces/pppoe-over-qinq.pcap",
    "/zeek/traces/tunnels__geneve-47101.pcap",
    "/zeek/traces/tcp__retransmit-fast009.pcap",
    "/zeek/traces/wikipedia.pcap",
    "/zeek/traces/ldap__ldap_star_single.pcapng",
  })
  void batchesOfAnySize_giveTheSameRecordsAndSummaryAsFrameByFrame(String capture) {
    AnalyzerConfig config = AnalyzerConfig.defaults().withTransports(EnumSet.allOf(Transport.class));
    List<FlowRecord> direct = new ArrayList<>();
    FlowAnalyzer one = new FlowAnalyzer(config, direct::add);
    Pcap.feed(capture, one);
    one.finish();
    for (int capacity : new int[] {1, 3, 4096}) {
      List<FlowRecord> batched = new ArrayList<>();
      FlowAnalyzer two = new FlowAnalyzer(config, batched::add);
      PacketDecoder decoder = new PacketDecoder();
      DecodedBatch batch = new DecodedBatch(capacity);
      Pcap.feed(capture, (t, link, data, offset, captured, wire) -> {
        batch.add(decoder, t, link, data, offset, captured, wire);
        if (batch.isFull()) {
          two.onBatch(batch);
          batch.clear();
        }
      });
      two.onBatch(batch);
      two.finish();
      assertEquals(direct, batched, capture + " in batches of " + capacity);
      assertEquals(one.summary(), two.summary(), capture + " in batches of " + capacity);
    }
    assertTrue(!direct.isEmpty(), capture + " has flows");
  }

  @Test
  void keepsACopyOfTheSegment_andTheSkipReason() {
    PacketDecoder decoder = new PacketDecoder();
    DecodedBatch batch = new DecodedBatch(2);
    byte[] arp = new byte[60];
    arp[12] = 0x08;
    arp[13] = 0x06;
    List<byte[]> frames = new ArrayList<>();
    Pcap.feed("/io/portflow/analyze/captures/bug-3844.pcap",
        (t, link, data, offset, captured, wire) -> {
          if (frames.isEmpty()) {
            frames.add(java.util.Arrays.copyOfRange(data, offset, offset + captured));
          }
        });
    byte[] syn = frames.get(0);
    batch.add(decoder, 5, 1, syn, 0, syn.length, syn.length);
    batch.add(decoder, 6, 1, arp, 0, arp.length, arp.length);
    Segment first = batch.segment(0);
    assertSame(null, batch.skipReason(0));
    assertEquals(Segment.TCP, first.protocol());
    assertEquals(8080, first.dstPort(), "still the SYN's, after the decoder moved on");
    assertNull(batch.segment(1));
    assertEquals(SkipReason.ARP, batch.skipReason(1));
    assertEquals(6, batch.timestampNanos(1));
    assertTrue(batch.isFull());
    assertThrows(IllegalStateException.class, () -> batch.add(decoder, 7, 1, arp, 0, 60, 60));
    batch.clear();
    assertEquals(0, batch.size());
  }
}
