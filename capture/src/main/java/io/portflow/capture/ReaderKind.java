package io.portflow.capture;

/** Which code reads capture files. */
public enum ReaderKind {
  /** Our streaming pcap/pcapng reader: the default, needs no native library. */
  PORTFLOW("portflow"),
  /** libpcap through pcap4j: one link type per file, no gzip. */
  LIBPCAP("libpcap");

  private final String label;

  ReaderKind(String label) {
    this.label = label;
  }

  /** The name users type ({@code --reader libpcap}). */
  public String label() {
    return label;
  }

  /** The kind whose {@link #label()} is {@code label}, ignoring case; null when none. */
  public static ReaderKind fromLabel(String label) {
    for (ReaderKind kind : values()) {
      if (kind.label.equalsIgnoreCase(label)) {
        return kind;
      }
    }
    return null;
  }
}
