package io.portflow.capture.live;

/**
 * How the capture thread is woken for ticks and for the stop.
 *
 * <p>libpcap 1.10 and later wake a blocked {@code pcap_loop} from {@code pcap_breakloop} through
 * an eventfd; older releases stay in {@code poll()} until a packet arrives when the kernel ring
 * (TPACKET_V3) holds nothing (libpcap issue 903, pcap4j issue 237). Polling never blocks in native
 * code, so it is the safe choice there, at the cost of a wake-up every few milliseconds.
 */
public enum WakeMode {
  /** {@link #BREAKLOOP} on libpcap 1.10 or later, {@link #POLL} on older releases. */
  AUTO,
  /** {@code pcap_loop} in blocking mode, broken by {@code pcap_breakloop} from a waker thread. */
  BREAKLOOP,
  /** {@code pcap_dispatch} in non-blocking mode, with a short park when nothing is ready. */
  POLL;

  /** The mode to use with the libpcap whose {@code pcap_lib_version()} text is given. */
  WakeMode resolve(String libVersion) {
    if (this != AUTO) return this;
    return LibpcapVersion.atLeast(libVersion, 1, 10) ? BREAKLOOP : POLL;
  }
}
