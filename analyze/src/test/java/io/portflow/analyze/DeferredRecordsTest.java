package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.flow.FinishedFlow;
import io.portflow.analyze.testing.Pcap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeferredRecordsTest {
  private static final AnalyzerConfig CONFIG =
      AnalyzerConfig.defaults().withTransports(EnumSet.allOf(Transport.class));

  @Test
  void recordsBuiltLaterOnAnotherThread_areTheRecordsBuiltAtOnce() throws Exception {
    for (String capture : List.of("/zeek/traces/wikipedia.pcap", "/zeek/traces/pppoe-over-qinq.pcap",
        "/io/portflow/analyze/captures/bug-3844.pcap", "/zeek/traces/tunnels__geneve-47101.pcap")) {
      List<FlowRecord> direct = new ArrayList<>();
      FlowAnalyzer one = new FlowAnalyzer(CONFIG, direct::add);
      Pcap.feed(capture, one);
      one.finish();

      List<FinishedFlow> finished = new ArrayList<>();
      FlowAnalyzer two = FlowAnalyzer.deferringRecords(CONFIG, finished::add);
      Pcap.feed(capture, two);
      two.finish();
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        List<Future<FlowRecord>> built = new ArrayList<>();
        for (FinishedFlow flow : finished) {
          built.add(other.submit(flow::toRecord));
        }
        List<FlowRecord> deferred = new ArrayList<>();
        for (Future<FlowRecord> record : built) {
          deferred.add(record.get());
        }
        assertEquals(direct, deferred, capture);
      } finally {
        other.shutdown();
      }
      assertEquals(one.summary(), two.summary(), capture);
      assertTrue(!direct.isEmpty(), capture);
      for (int i = 0; i < finished.size(); i++) {
        assertEquals(direct.get(i).flowId(), finished.get(i).id());
      }
    }
  }
}
