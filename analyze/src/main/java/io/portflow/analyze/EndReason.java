package io.portflow.analyze;

/** Why a flow record was emitted. */
public enum EndReason {
  FIN("fin"),
  RST("rst"),
  IDLE_TIMEOUT("idle-timeout"),
  END_OF_CAPTURE("end-of-capture"),
  /** A new connection (bare SYN, new initial sequence number) took over the 4-tuple. */
  REUSED("reused");

  private final String label;

  EndReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
