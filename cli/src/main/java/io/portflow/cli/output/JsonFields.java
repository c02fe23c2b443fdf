package io.portflow.cli.output;

import io.portflow.cli.output.json.JsonName;
import java.io.IOException;

/**
 * What {@link FlowJson} writes a record to: objects and their named fields. One implementation
 * encodes bytes itself (JSON Lines, {@link Utf8Fields}), one drives Jackson (the pretty JSON
 * document, {@link JacksonFields}); the record's layout exists once, in FlowJson.
 */
interface JsonFields {
  /** An object that is not a field: a whole record. */
  void startObject() throws IOException;

  void startObject(JsonName name) throws IOException;

  void endObject() throws IOException;

  /** {@code value} as a JSON string, or {@code null}. */
  void string(JsonName name, String value) throws IOException;

  void number(JsonName name, long value) throws IOException;

  /** {@code value} as an integer, or {@code null}. */
  void numberOrNull(JsonName name, Number value) throws IOException;

  void bool(JsonName name, boolean value) throws IOException;

  void nullValue(JsonName name) throws IOException;

  /** An RFC 3339 string, {@link TimePrecision#timestamp(long)}. */
  void timestamp(JsonName name, long epochNanos) throws IOException;

  /** A number of seconds, {@link TimePrecision#seconds(long)}. */
  void seconds(JsonName name, long nanos) throws IOException;
}
