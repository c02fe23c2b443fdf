package io.portflow.capture.live;

/** Why a live capture ended. */
public enum StopReason {
  /** {@link StopCondition#maxFrames()} frames were handed over. */
  FRAME_LIMIT("count"),
  /** {@link StopCondition#maxDuration()} elapsed. */
  DURATION("duration"),
  /** {@link LiveCapture#stop()} was called: Ctrl-C, SIGTERM, or the caller. */
  STOPPED("stopped");

  private final String label;

  StopReason(String label) {
    this.label = label;
  }

  /** The name in output: {@code count}, {@code duration}, {@code stopped}. */
  public String label() {
    return label;
  }
}
