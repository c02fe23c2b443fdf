package io.portflow.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.portflow.cli.output.json.JsonName;
import java.io.IOException;

/** Record fields through a Jackson generator, for the pretty-printed JSON document. */
final class JacksonFields implements JsonFields {
  private final JsonGenerator g;
  private final TimePrecision time;

  JacksonFields(JsonGenerator g, TimePrecision time) {
    this.g = g;
    this.time = time;
  }

  @Override
  public void startObject() throws IOException {
    g.writeStartObject();
  }

  @Override
  public void startObject(JsonName name) throws IOException {
    g.writeObjectFieldStart(name.text());
  }

  @Override
  public void endObject() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void string(JsonName name, String value) throws IOException {
    g.writeStringField(name.text(), value);
  }

  @Override
  public void number(JsonName name, long value) throws IOException {
    g.writeNumberField(name.text(), value);
  }

  @Override
  public void numberOrNull(JsonName name, Number value) throws IOException {
    if (value == null) {
      g.writeNullField(name.text());
    } else {
      g.writeNumberField(name.text(), value.longValue());
    }
  }

  @Override
  public void bool(JsonName name, boolean value) throws IOException {
    g.writeBooleanField(name.text(), value);
  }

  @Override
  public void nullValue(JsonName name) throws IOException {
    g.writeNullField(name.text());
  }

  @Override
  public void timestamp(JsonName name, long epochNanos) throws IOException {
    g.writeStringField(name.text(), time.timestamp(epochNanos));
  }

  @Override
  public void seconds(JsonName name, long nanos) throws IOException {
    g.writeFieldName(name.text());
    g.writeNumber(time.seconds(nanos));
  }
}
