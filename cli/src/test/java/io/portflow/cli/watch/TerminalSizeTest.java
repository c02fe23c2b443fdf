package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalSizeTest {
  @Test
  void stty_rowsThenColumns() {
    assertEquals(new TerminalSize(132, 43), TerminalSize.parseStty("43 132\n"));
    assertNull(TerminalSize.parseStty("stty: 'standard input': Inappropriate ioctl for device"));
    assertNull(TerminalSize.parseStty("0 0"));
  }

  @Test
  void environment_thenDefault() {
    assertEquals(new TerminalSize(200, 50), TerminalSize.fromEnvironment(Map.of("COLUMNS", "200", "LINES", "50")));
    assertEquals(new TerminalSize(80, 24), TerminalSize.fromEnvironment(Map.of("COLUMNS", "x")));
  }
}
