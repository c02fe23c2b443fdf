package io.portflow.cli;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.TimePrecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdoutWriterTest {
  private final List<FlowRecord> flows = List.of(
      flow(0).build(),
      flow(1).client("2001:db8:1:2::1002", 35023, false).server("2001:db8:1:2::1000", 80, "http")
          .vlan(4095).state("SF", "ShADadFf").communityId("1:LQU9qZlK+B5F3KDmev6m5PMibrg=").build(),
      flow(2).udp().server("10.0.0.53", 53, "domain").state("SF", "Dd").build());

  @Test
  void jsonLinesAsBytes_sameAsThroughCharacters_afterEarlierText() throws IOException {
    StringWriter chars = new StringWriter();
    chars.write("before\n");
    JsonlWriter viaChars = new JsonlWriter(chars, TimePrecision.NANOS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StdoutWriter stdout = StdoutWriter.over(bytes);
    stdout.print("before\n");
    JsonlWriter viaBytes = new JsonlWriter(stdout, TimePrecision.NANOS);
    for (FlowRecord f : flows) {
      viaChars.appendFlow(f);
      viaBytes.appendFlow(f);
    }
    viaChars.flush();
    viaBytes.flush();
    assertEquals(chars.toString(), bytes.toString(StandardCharsets.UTF_8));
    assertEquals(4, bytes.toString(StandardCharsets.UTF_8).split("\n").length);
  }

  @Test
  void failedByteWrite_isTheWritersErrorState_notAnException() throws IOException {
    StdoutWriter stdout = StdoutWriter.over(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    });
    JsonlWriter writer = new JsonlWriter(stdout, TimePrecision.MICROS);
    writer.appendFlow(flows.get(0));
    assertFalse(stdout.checkError());
    writer.flush();
    assertTrue(stdout.checkError());
    writer.writeFlow(flows.get(1)); // dropped quietly
  }
}
