package io.portflow.capture;

import java.io.IOException;

/**
 * A capture could not be read, or not entirely. The message is one line meant for the user: it
 * names the file, what was wrong and where.
 */
public class CaptureException extends IOException {
  /** What went wrong, each with its own exit code in the CLI. */
  public enum Kind {
    /** The file does not exist or cannot be opened. */
    CANNOT_OPEN,
    /** The file is not a pcap or pcapng capture at all. */
    NOT_A_CAPTURE,
    /** The capture is damaged or truncated after some frames were read. */
    DAMAGED,
    /** libpcap is needed (libpcap reader, BPF filter, live capture) but not installed. */
    LIBPCAP_MISSING,
    /** libpcap rejected a BPF filter expression. */
    BAD_FILTER,
    /**
     * Live capture is not allowed: the process lacks CAP_NET_RAW (and CAP_NET_ADMIN for
     * promiscuous mode). The message says how to get them.
     */
    PERMISSION_DENIED
  }

  private final Kind kind;

  public CaptureException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CaptureException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
