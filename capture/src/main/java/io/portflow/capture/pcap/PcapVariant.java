package io.portflow.capture.pcap;

import io.portflow.capture.TimestampResolution;

/** The pcap flavours told apart by their magic number. */
public enum PcapVariant {
  /** Microsecond timestamps. */
  MICROSECOND(0xa1b2c3d4, "pcap", 16, 1_000),
  /** Nanosecond timestamps. */
  NANOSECOND(0xa1b23c4d, "pcap-nsec", 16, 1),
  /**
   * Alexey Kuznetsov's modified format: microseconds, and 8 more bytes per record header
   * (interface index, protocol, packet type, padding).
   */
  MODIFIED(0xa1b2cd34, "pcap-modified", 24, 1_000);

  /** The magic as the writing machine stored it (read big-endian from a big-endian file). */
  final int magic;
  /** Name for {@link io.portflow.capture.CaptureInfo#format()}. */
  final String format;
  /** Bytes in each record header. */
  final int recordHeaderSize;
  /** Nanoseconds per unit of the record's fractional-second field. */
  final int nanosPerFraction;

  PcapVariant(int magic, String format, int recordHeaderSize, int nanosPerFraction) {
    this.magic = magic;
    this.format = format;
    this.recordHeaderSize = recordHeaderSize;
    this.nanosPerFraction = nanosPerFraction;
  }

  public String format() {
    return format;
  }

  /** NANOSECONDS when the fraction field counts units shorter than a microsecond. */
  public TimestampResolution resolution() {
    return nanosPerFraction < 1_000 ? TimestampResolution.NANOSECONDS : TimestampResolution.MICROSECONDS;
  }

  /** The variant whose magic, in either byte order, is {@code firstFourBytes}; null if none. */
  public static PcapVariant of(int firstFourBytes) {
    for (PcapVariant v : values()) {
      if (v.magic == firstFourBytes || v.magic == Integer.reverseBytes(firstFourBytes)) {
        return v;
      }
    }
    return null;
  }
}
