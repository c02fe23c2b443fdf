package io.portflow.analyze;

import java.util.Locale;

/** The transports whose packets become flows; the label is the record's {@code transport}. */
public enum Transport {
  TCP("tcp"),
  UDP("udp");

  private final String label;

  Transport(String label) {
    this.label = label;
  }

  /** {@code tcp} or {@code udp}. */
  public String label() {
    return label;
  }

  /** The transport with this label, in any case. */
  public static Transport of(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    for (Transport transport : values()) {
      if (transport.label.equals(wanted)) {
        return transport;
      }
    }
    throw new IllegalArgumentException(
        "invalid transport: " + label + " (expected: tcp or udp)");
  }
}
