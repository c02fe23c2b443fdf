package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portflow.analyze.EndReason;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.output.json.Utf8JsonBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte encoder against Jackson's UTF-8 generator, given the same record layout. */
class Utf8FieldsTest {
  private static final ProcessInfo NASTY = new ProcessInfo(Integer.MAX_VALUE,
      "a\"b\\c\n\t\u0000\u001f\u007f/\u00e9\u20ac\ud83d\ude00", "\ud800lone\udc00 user");

  private static final List<FlowRecord> FLOWS = List.of(
      flow(0).build(),
      flow(Long.MAX_VALUE).client("2001:db8:1:2::1002", 65535, false).server("2001:db8:1:2::1000", 0, "http")
          .vlan(4095).state("SF", "ShADadFf").communityId("1:LQU9qZlK+B5F3KDmev6m5PMibrg=")
          .detail(Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1460, 14).rtt(0, Long.MAX_VALUE).build(),
      flow(2).time(5_000_000_123L, 1_000).rtt(-1, 999).end(EndReason.END_OF_CAPTURE).build(),
      flow(3).time(Long.MIN_VALUE, Long.MAX_VALUE).udp().role(null).end(null).vlan(0).build(),
      flow(4).time(Long.MAX_VALUE, Long.MIN_VALUE).c2s(0, 0, 0).s2c(-5, 1L << 40, 7).build());

  @Test
  void everyRecord_sameBytesAsJackson_bothPrecisions_withAndWithoutProcesses() throws IOException {
    for (TimePrecision time : TimePrecision.values()) {
      for (FlowProcesses ends : List.of(FlowProcesses.NONE, new FlowProcesses(NASTY, null),
          new FlowProcesses(new ProcessInfo(0, "", null), NASTY))) {
        for (FlowRecord flow : FLOWS) {
          byte[] expected = jackson(time, flow, ends);
          byte[] actual = handWritten(time, flow, ends);
          assertArrayEquals(expected, actual, () -> new String(expected, StandardCharsets.UTF_8)
              + "\n" + new String(actual, StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void processWithNastyNames_escapedAsJackson() throws IOException {
    String line = new String(handWritten(TimePrecision.MICROS, FLOWS.get(0), new FlowProcesses(NASTY, null)),
        StandardCharsets.UTF_8);
    String process = line.substring(line.indexOf("\"process\""), line.indexOf("}", line.indexOf("\"process\"")) + 1);
    assertEquals("\"process\":{\"pid\":2147483647,"
        + "\"command\":\"a\\\"b\\\\c\\n\\t\\u0000\\u001F\u007f/\u00e9\u20ac\\uD83D\\uDE00\","
        + "\"user\":\"\\uD800lone\\uDC00 user\"}", process);
  }

  private static byte[] jackson(TimePrecision time, FlowRecord flow, FlowProcesses ends) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      FlowJson.write(new JacksonFields(g, time), flow, ends);
    }
    return bytes.toByteArray();
  }

  private static byte[] handWritten(TimePrecision time, FlowRecord flow, FlowProcesses ends) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8JsonBuffer buffer = new Utf8JsonBuffer(bytes);
    FlowJson.write(new Utf8Fields(buffer, time), flow, ends);
    buffer.flush();
    return bytes.toByteArray();
  }
}
