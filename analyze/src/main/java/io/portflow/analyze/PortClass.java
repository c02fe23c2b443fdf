package io.portflow.analyze;

/** IANA port ranges (RFC 6335 section 6). */
public enum PortClass {
  WELL_KNOWN("well-known"),
  REGISTERED("registered"),
  DYNAMIC("dynamic");

  private final String label;

  PortClass(String label) {
    this.label = label;
  }

  /** The name in output: {@code well-known}, {@code registered}, {@code dynamic}. */
  public String label() {
    return label;
  }

  public static PortClass of(int port) {
    if (port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("invalid port: " + port + " (expected: 0 ~ 65535)");
    }
    if (port <= 1023) return WELL_KNOWN;
    if (port <= 49151) return REGISTERED;
    return DYNAMIC;
  }
}
