package io.portflow.analyze;

/** Receives each flow record when its flow finishes. */
@FunctionalInterface
public interface FlowSink {
  void flowFinished(FlowRecord flow);
}
