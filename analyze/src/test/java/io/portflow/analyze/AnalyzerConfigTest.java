package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnalyzerConfigTest {
  @Test
  void defaultsCoverLinuxAndIanaEphemeralPorts() {
    AnalyzerConfig config = AnalyzerConfig.defaults();
    assertEquals(new AnalyzerConfig(32768, 65535), config);
    assertTrue(config.isEphemeral(32768));
    assertTrue(config.isEphemeral(60999));
    assertTrue(config.isEphemeral(65535));
    assertFalse(config.isEphemeral(32767));
  }

  @Test
  void invalidRangeNamesTheValueAndWhatWasExpected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AnalyzerConfig(70000, 80000));
    assertEquals("invalid ephemeral range: 70000-80000 (expected: LO-HI within 0 ~ 65535, LO <= HI)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AnalyzerConfig(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AnalyzerConfig(5000, 4000));
  }

  @Test
  void singlePortRangeIsValid() {
    assertTrue(new AnalyzerConfig(0, 0).isEphemeral(0));
  }

  @Test
  void parsesLoDashHi() {
    assertEquals(new AnalyzerConfig(49152, 65535), AnalyzerConfig.withEphemeralRange("49152-65535"));
    assertEquals(new AnalyzerConfig(1024, 5000), AnalyzerConfig.withEphemeralRange(" 1024 - 5000 "));
  }

  @Test
  void parseErrorsQuoteTheInput() {
    for (String bad : new String[] {"abc", "-5", "5-", "1-2-3", "1..2", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AnalyzerConfig.withEphemeralRange(bad), bad);
      assertEquals("invalid ephemeral range: " + bad
          + " (expected: LO-HI within 0 ~ 65535, LO <= HI)", e.getMessage());
    }
    assertEquals("invalid ephemeral range: 9-1 (expected: LO-HI within 0 ~ 65535, LO <= HI)",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerConfig.withEphemeralRange("9-1")).getMessage());
  }
}
