package io.portflow.cli.output.json;

import java.nio.charset.StandardCharsets;

/**
 * A field name, with its bytes {@code ,"name":} encoded once: a flow record has some forty names,
 * the same in every record, and copying them costs less than quoting them each time.
 */
public final class JsonName {
  private final String text;
  private final byte[] afterComma;

  private JsonName(String text) {
    this.text = text;
    this.afterComma = (",\"" + text + "\":").getBytes(StandardCharsets.US_ASCII);
  }

  /** A name of printable ASCII that needs no escaping: the writers' names are constants like that. */
  public static JsonName of(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        throw new IllegalArgumentException("invalid JSON field name: \"" + text
            + "\" has character 0x" + Integer.toHexString(c) + " at " + i
            + " (expected: printable ASCII, no quote or backslash)");
      }
    }
    return new JsonName(text);
  }

  public String text() {
    return text;
  }

  /** {@code ,"name":} in ASCII, the comma for all but an object's first field; not to be changed. */
  byte[] afterComma() {
    return afterComma;
  }

  @Override
  public String toString() {
    return text;
  }
}
