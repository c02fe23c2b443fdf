package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema is only worth its tests if it rejects what is wrong. */
class FlowRecordSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode valid() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(flow(0).state("SF", "ShADadFf").build());
    return (ObjectNode) MAPPER.readTree(out.toString());
  }

  @Test
  void accepts_writerOutput() throws IOException {
    assertEquals(Set.of(), Schema.errors(valid()));
  }

  @Test
  void rejects_missingField() throws IOException {
    ObjectNode flow = valid();
    flow.remove("end_reason");
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void rejects_unknownField() throws IOException {
    ObjectNode flow = valid();
    flow.put("flowid", 1);
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void rejects_badPortClassAndPort() throws IOException {
    ObjectNode flow = valid();
    ((ObjectNode) flow.get("server")).put("port_class", "system");
    assertFalse(Schema.errors(flow).isEmpty());
    flow = valid();
    ((ObjectNode) flow.get("client")).put("port", 70000);
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void rejects_badAddress() throws IOException {
    ObjectNode flow = valid();
    ((ObjectNode) flow.get("client")).put("ip", "10.0.0.256");
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void rejects_timestampWithoutZoneOrWithMilliseconds() throws IOException {
    ObjectNode flow = valid();
    flow.put("first_seen", "2012-09-23T18:41:11.123456");
    assertFalse(Schema.errors(flow).isEmpty());
    flow = valid();
    flow.put("first_seen", "2012-09-23T18:41:11.123Z");
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void rejects_unknownConnStateAndHistoryLetters() throws IOException {
    ObjectNode flow = valid();
    flow.put("conn_state", "ESTABLISHED");
    assertFalse(Schema.errors(flow).isEmpty());
    flow = valid();
    flow.put("history", "S h");
    assertFalse(Schema.errors(flow).isEmpty());
  }

  @Test
  void accepts_nullUntilImplementedFields() throws IOException {
    ObjectNode flow = valid();
    flow.putNull("community_id");
    flow.putNull("conn_state");
    flow.putNull("history");
    assertEquals(Set.of(), Schema.errors(flow));
  }
}
