package io.portflow.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portflow.analyze.CaptureSummary;
import io.portflow.analyze.FlowRecord;
import io.portflow.analyze.LinkTypes;
import io.portflow.capture.CaptureInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** One JSON document, {@code {"summary": {...}, "flows": [...]}}, pretty-printed. */
public final class JsonWriter implements FlowWriter {
  private final Writer out;
  private final TimePrecision time;
  private final ProcessLookup processes;

  public JsonWriter(Writer out, TimePrecision time) {
    this(out, time, ProcessLookup.NONE);
  }

  /** With each end's local process where {@code processes} knows it. */
  public JsonWriter(Writer out, TimePrecision time, ProcessLookup processes) {
    this.out = out;
    this.time = time;
    this.processes = processes;
  }

  @Override
  public void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .setPrettyPrinter(JsonLayout.printer());
    JsonFields fields = new JacksonFields(g, time);
    g.writeStartObject();
    g.writeFieldName("summary");
    summary(g, overview);
    g.writeArrayFieldStart("flows");
    for (FlowRecord flow : flows) {
      FlowJson.write(fields, flow, processes.of(flow));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private void summary(JsonGenerator g, CaptureOverview overview) throws IOException {
    CaptureSummary s = overview.summary();
    boolean empty = s.packets() == 0;
    g.writeStartObject();
    g.writeArrayFieldStart("files");
    for (CaptureInfo input : overview.inputs()) {
      file(g, input);
    }
    g.writeEndArray();
    g.writeStringField("reader", overview.reader());
    g.writeStringField("filter", overview.filter());
    g.writeNumberField("packets", s.packets());
    g.writeNumberField("bytes", s.bytes());
    g.writeNumberField("tcp_packets", s.tcpPackets());
    g.writeNumberField("udp_packets", s.udpPackets());
    g.writeNumberField("flows", s.flows());
    g.writeStringField("first_seen", empty ? null : time.timestamp(s.firstSeenNanos()));
    g.writeStringField("last_seen", empty ? null : time.timestamp(s.lastSeenNanos()));
    g.writeFieldName("duration");
    g.writeNumber(time.seconds(empty ? 0 : s.lastSeenNanos() - s.firstSeenNanos()));
    counts(g, "link_types", s.linkTypes());
    counts(g, "skipped", s.skipped());
    counts(g, "anomalies", s.anomalies());
    g.writeStringField("error", overview.error());
    g.writeArrayFieldStart("warnings");
    for (String warning : overview.warnings()) {
      g.writeString(warning);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void file(JsonGenerator g, CaptureInfo input) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", input.name());
    g.writeStringField("format", input.format());
    g.writeBooleanField("compressed", input.compressed());
    g.writeArrayFieldStart("link_types");
    for (int linkType : input.linkTypes()) {
      g.writeString(LinkTypes.name(linkType));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> entry : (counts == null ? Map.<String, Long>of() : counts).entrySet()) {
      g.writeNumberField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
  }
}
