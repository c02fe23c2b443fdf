package io.portflow.cli.output.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonNameTest {
  @Test
  void afterComma_commaNameInQuotesColon() {
    JsonName name = JsonName.of("flow_id");
    assertEquals("flow_id", name.text());
    assertEquals(",\"flow_id\":", new String(name.afterComma(), StandardCharsets.US_ASCII));
  }

  @Test
  void of_aNameThatWouldNeedEscaping_isRefusedWithWhereAndWhat() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonName.of("a\"b"));
    assertEquals("invalid JSON field name: \"a\"b\" has character 0x22 at 1"
        + " (expected: printable ASCII, no quote or backslash)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JsonName.of("caf\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> JsonName.of("tab\t"));
  }
}
