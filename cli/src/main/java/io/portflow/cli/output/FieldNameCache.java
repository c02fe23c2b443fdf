package io.portflow.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A generator that encodes each field name once. A flow record has some fifty field names, the
 * same in every record, and Jackson's UTF-8 generator would otherwise quote and encode each of
 * them, character by character, every time; a pre-encoded name is copied as bytes.
 */
final class FieldNameCache extends JsonGeneratorDelegate {
  /** Field names are constants of the writers; the bound only guards against a writer that is not. */
  private static final int MAX_NAMES = 256;

  private final Map<String, SerializedString> names = new HashMap<>();

  FieldNameCache(JsonGenerator generator) {
    super(generator, false);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    SerializedString encoded = names.get(name);
    if (encoded == null) {
      encoded = new SerializedString(name);
      if (names.size() < MAX_NAMES) {
        names.put(name, encoded);
      }
    }
    delegate.writeFieldName(encoded);
  }
}
