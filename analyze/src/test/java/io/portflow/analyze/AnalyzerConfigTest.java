package io.portflow.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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

  @Test
  void withMethodsChangeOneSettingAndKeepTheRest() {
    AnalyzerConfig config = new AnalyzerConfig(49152, 65535)
        .withIdleTimeout(Duration.ofSeconds(30))
        .withCommunityIdSeed(9);
    assertEquals(49152, config.ephemeralLow());
    assertEquals(Duration.ofSeconds(30), config.idleTimeout());
    assertEquals(9, config.communityIdSeed());
    assertEquals(Duration.ofMinutes(5), AnalyzerConfig.defaults().idleTimeout(), "Zeek's default");
    assertEquals(0, AnalyzerConfig.defaults().communityIdSeed());
  }

  @Test
  void invalidTimeoutAndSeedNameTheValue() {
    assertEquals("invalid idle timeout: PT0S (expected: more than 0 seconds)",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerConfig.defaults().withIdleTimeout(Duration.ZERO)).getMessage());
    assertEquals("invalid Community ID seed: 65536 (expected: 0 ~ 65535)",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerConfig.defaults().withCommunityIdSeed(0x10000)).getMessage());
  }

  @Test
  void transportsDefaultToTcpAndCannotBeEmpty() {
    assertEquals(Set.of(Transport.TCP), AnalyzerConfig.defaults().transports());
    AnalyzerConfig both = AnalyzerConfig.defaults().withTransports(Set.of(Transport.UDP, Transport.TCP));
    assertTrue(both.selects(Transport.UDP));
    assertEquals(List.of(Transport.TCP, Transport.UDP), List.copyOf(both.transports()), "in enum order");
    assertEquals("no transport selected (expected: tcp, udp or both)",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerConfig.defaults().withTransports(Set.of())).getMessage());
    assertEquals(Duration.ofMinutes(1), AnalyzerConfig.defaults().udpIdleTimeout(), "Zeek's default");
  }

  @Test
  void transportLabels() {
    assertEquals(Transport.UDP, Transport.of(" UDP "));
    assertEquals("invalid transport: sctp (expected: tcp or udp)",
        assertThrows(IllegalArgumentException.class, () -> Transport.of("sctp")).getMessage());
  }
}
