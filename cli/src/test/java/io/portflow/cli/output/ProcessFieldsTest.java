package io.portflow.cli.output;

import static io.portflow.cli.fixtures.FlowBuilder.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portflow.analyze.FlowRecord;
import io.portflow.cli.fixtures.Overviews;
import io.portflow.cli.fixtures.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional {@code "process"} object of each end, as {@code portflow watch} writes it. */
class ProcessFieldsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ProcessInfo NGINX = new ProcessInfo(812, "nginx", "www-data");
  private static final ProcessInfo CURL = new ProcessInfo(4242, "curl", "alice");

  private static final FlowRecord SERVED = flow(0).build();
  private static final FlowRecord LOOPBACK = flow(1).build();
  private static final FlowRecord REMOTE = flow(2).build();
  private static final ProcessLookup KNOWN = f -> Map.of(
      0L, new FlowProcesses(null, NGINX),
      1L, new FlowProcesses(CURL, NGINX)).getOrDefault(f.flowId(), FlowProcesses.NONE);

  @Test
  void jsonl_processWhereKnownAndNoFieldWhereNot() throws IOException {
    StringWriter out = new StringWriter();
    JsonlWriter writer = new JsonlWriter(out, TimePrecision.MICROS, KNOWN);
    writer.writeFlow(SERVED);
    writer.writeFlow(LOOPBACK);
    writer.writeFlow(REMOTE);
    String[] lines = out.toString().split("\n");

    JsonNode served = MAPPER.readTree(lines[0]);
    assertFalse(served.get("client").has("process"), "unknown is absent, not null: " + lines[0]);
    assertEquals("{\"pid\":812,\"command\":\"nginx\",\"user\":\"www-data\"}",
        served.get("server").get("process").toString());
    assertTrue(lines[0].contains("\"service\":\"http\",\"process\":{\"pid\":812,"), "after the end's other fields");
    JsonNode loopback = MAPPER.readTree(lines[1]);
    assertEquals(4242, loopback.get("client").get("process").get("pid").asInt());
    assertEquals("alice", loopback.get("client").get("process").get("user").asText());
    JsonNode remote = MAPPER.readTree(lines[2]);
    assertFalse(remote.get("client").has("process"));
    assertFalse(remote.get("server").has("process"));
    for (String line : lines) {
      Schema.assertValid(MAPPER.readTree(line));
    }
  }

  @Test
  void jsonl_explicitProcessesWinOverTheLookup() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(REMOTE, new FlowProcesses(CURL, null));
    JsonNode line = MAPPER.readTree(out.toString());
    assertEquals("curl", line.get("client").get("process").get("command").asText());
    assertFalse(line.get("server").has("process"));
  }

  @Test
  void json_processesInTheFlowsArray() throws IOException {
    StringWriter out = new StringWriter();
    new JsonWriter(out, TimePrecision.MICROS, KNOWN).write(Overviews.simple(2), List.of(SERVED, REMOTE));
    JsonNode flows = MAPPER.readTree(out.toString()).get("flows");
    assertEquals(812, flows.get(0).get("server").get("process").get("pid").asInt());
    assertFalse(flows.get(1).get("server").has("process"));
    Schema.assertValid(flows.get(0));
  }

  @Test
  void withoutALookup_noProcessAnywhere() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS).writeFlow(SERVED);
    assertFalse(out.toString().contains("process"), out.toString());
  }

  @Test
  void csv_processColumnsAppendedOnlyWhenAsked() throws IOException {
    StringWriter plain = new StringWriter();
    new CsvWriter(plain, TimePrecision.MICROS).write(Overviews.simple(1), List.of(SERVED));
    assertFalse(plain.toString().contains("pid"), plain.toString());

    StringWriter out = new StringWriter();
    CsvWriter.withProcesses(out, TimePrecision.MICROS, KNOWN).write(Overviews.simple(3),
        List.of(SERVED, LOOPBACK, REMOTE));
    String[] lines = out.toString().split("\n", -1);
    String plainHeader = plain.toString().split("\n")[0];
    assertEquals(plainHeader + ",client_pid,client_command,client_user,server_pid,server_command,server_user",
        lines[0]);
    assertTrue(lines[1].endsWith(",,,,812,nginx,www-data"), lines[1]);
    assertTrue(lines[2].endsWith(",4242,curl,alice,812,nginx,www-data"), lines[2]);
    assertTrue(lines[3].endsWith(",,,,,,"), lines[3]);
    assertEquals(lines[0].split(",").length, lines[2].split(",", -1).length, "as many fields as columns");
  }

  @Test
  void schema_rejectsAProcessWithoutPidOrWithExtraFields() throws IOException {
    StringWriter out = new StringWriter();
    new JsonlWriter(out, TimePrecision.MICROS, KNOWN).writeFlow(SERVED);
    ObjectNode flow = (ObjectNode) MAPPER.readTree(out.toString());
    ((ObjectNode) flow.get("server").get("process")).remove("pid");
    assertFalse(Schema.errors(flow).isEmpty());

    flow = (ObjectNode) MAPPER.readTree(out.toString());
    ((ObjectNode) flow.get("server").get("process")).put("cmdline", "nginx -g daemon off;");
    assertFalse(Schema.errors(flow).isEmpty());

    flow = (ObjectNode) MAPPER.readTree(out.toString());
    ((ObjectNode) flow.get("server")).putNull("process");
    assertFalse(Schema.errors(flow).isEmpty(), "unknown is absent, never null");
  }
}
