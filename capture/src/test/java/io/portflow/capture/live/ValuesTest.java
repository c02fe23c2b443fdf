package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation of the option and limit records, and the DLT mapping. */
class ValuesTest {
  @Test
  void liveOptions_defaults() {
    LiveOptions o = LiveOptions.of("eth0");
    assertEquals(262144, o.snaplen());
    assertEquals(true, o.promiscuous());
    assertEquals(false, o.immediate());
    assertEquals(0, o.bufferBytes());
    assertNull(o.filter());
    assertEquals(Duration.ofMillis(200), o.tickInterval());
    assertEquals(WakeMode.AUTO, o.wakeMode());
  }

  @Test
  void liveOptions_blankFilterMeansNone() {
    assertNull(LiveOptions.of("eth0").withFilter("  ").filter());
  }

  @Test
  void liveOptions_rejectNonsenseWithTheValue() {
    assertEquals("invalid snaplen: 0 (expected: 1 or more bytes)",
        assertThrows(IllegalArgumentException.class, () -> LiveOptions.of("eth0").withSnaplen(0)).getMessage());
    assertEquals("invalid buffer size: -1 (expected: 0 for the default, or bytes)",
        assertThrows(IllegalArgumentException.class, () -> LiveOptions.of("eth0").withBufferBytes(-1)).getMessage());
    assertEquals("invalid tick interval: 5 ms (expected: 10 ~ 10000)",
        assertThrows(IllegalArgumentException.class,
            () -> LiveOptions.of("eth0").withTickInterval(Duration.ofMillis(5))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> LiveOptions.of(""));
  }

  @Test
  void stopCondition_limits() {
    StopCondition s = StopCondition.of(100L, Duration.ofSeconds(5));
    assertEquals(100, s.maxFrames());
    assertEquals(1000 + 5_000_000_000L, s.deadline(1000));
    assertEquals(Long.MAX_VALUE, StopCondition.never().deadline(1000));
    assertEquals(0, StopCondition.of(null, null).maxFrames());
    assertEquals("invalid frame count: -1 (expected: 0 for no limit, or more)",
        assertThrows(IllegalArgumentException.class, () -> StopCondition.of(-1L, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> StopCondition.of(null, Duration.ZERO));
  }

  @Test
  void dltMapping_rawIpAndIdentity() {
    assertEquals(101, DltMapping.linkType(12));
    assertEquals(106, DltMapping.linkType(19));
    assertEquals(1, DltMapping.linkType(1));
    assertEquals(113, DltMapping.linkType(113));
    assertEquals(276, DltMapping.linkType(276));
  }

  @Test
  void stopReason_labels() {
    assertEquals("count", StopReason.FRAME_LIMIT.label());
    assertEquals("duration", StopReason.DURATION.label());
    assertEquals("stopped", StopReason.STOPPED.label());
  }
}
