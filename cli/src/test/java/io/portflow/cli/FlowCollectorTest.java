package io.portflow.cli;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlowCollectorTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);
  private final AtomicLong clock = new AtomicLong();

  @Test
  void streamedLines_firstAtOnce_thenATenthOfASecondApart_andAtTheEnd() throws IOException {
    FlowCollector collector = FlowCollector.streaming(out, new JsonlWriter(out, TimePrecision.MICROS), clock::get);
    collector.flowFinished(flow(0).build());
    assertEquals(1, text.toString().split("\n").length, "the first line at once");
    collector.flowFinished(flow(1).build());
    collector.flowFinished(flow(2).build());
    assertEquals(1, text.toString().split("\n").length, "then nothing for a while");
    clock.addAndGet(FlowCollector.FLUSH_INTERVAL_NANOS);
    collector.flowFinished(flow(3).build());
    assertEquals(4, text.toString().split("\n").length, "all lines at the next flush");
    collector.flowFinished(flow(4).build());
    assertEquals(4, text.toString().split("\n").length);
    collector.flush();
    assertEquals(5, text.toString().split("\n").length);
    assertTrue(text.toString().endsWith("}\n"));
  }

  @Test
  void aClosedOutput_isNoticedAtTheNextFlush() throws IOException {
    PrintWriter broken = new PrintWriter(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    });
    FlowCollector collector = FlowCollector.streaming(broken, new JsonlWriter(broken, TimePrecision.MICROS), clock::get);
    collector.flowFinished(flow(0).build());
    assertTrue(collector.outputClosed(), "at the first line's flush");
  }
}
