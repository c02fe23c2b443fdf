package io.portflow.capture.pcapng;

/**
 * What an Interface Description Block says about the packets captured on it.
 *
 * @param linkType LINKTYPE_ value
 * @param snapshot snapshot length as libpcap enforces it (0 in the file means the link type's maximum)
 * @param scale how the interface's timestamp ticks become nanoseconds ({@code if_tsresol})
 * @param offsetNanos {@code if_tsoffset}: seconds to add to every timestamp, in nanoseconds
 */
record InterfaceDescription(int linkType, int snapshot, TimestampScale scale, long offsetNanos) {
  long toNanos(long ticks) {
    return scale.toNanos(ticks) + offsetNanos;
  }
}
