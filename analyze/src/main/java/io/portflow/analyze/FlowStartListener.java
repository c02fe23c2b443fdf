package io.portflow.analyze;

/**
 * Told when a flow starts, while its first packet is the only one counted: the moment to look up
 * what only exists while a connection is open (the local process behind a socket).
 */
@FunctionalInterface
public interface FlowStartListener {
  /** Nobody listens. */
  FlowStartListener NONE = flow -> {};

  /**
   * @param flow the record as of the first packet: roles, labels and counts so far; {@code
   *     endReason} null
   */
  void flowStarted(FlowRecord flow);
}
