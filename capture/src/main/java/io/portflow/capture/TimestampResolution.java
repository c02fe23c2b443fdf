package io.portflow.capture;

/**
 * How finely an input records its timestamps, in the two steps output can show: whether a
 * nanosecond timestamp handed out carries digits below the microsecond, or only zeros there.
 */
public enum TimestampResolution {
  /** One microsecond or coarser: pcap, live capture without nanoseconds, pcapng's default 10^-6, 10^-3, 2^-10. */
  MICROSECONDS,
  /** Finer than one microsecond: pcap-nsec, pcapng if_tsresol 10^-7 or finer, or 2^-20 or finer. */
  NANOSECONDS;

  /** The finer of this and {@code other}. */
  public TimestampResolution finer(TimestampResolution other) {
    return this == NANOSECONDS ? this : other;
  }
}
