package io.portflow.cli.output.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** What Jackson's UTF-8 generator writes, with the settings JSON Lines used: the reference. */
final class JacksonBytes {
  interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  private JacksonBytes() {}

  static byte[] of(Writing writing) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      writing.write(g);
    }
    return bytes.toByteArray();
  }
}
