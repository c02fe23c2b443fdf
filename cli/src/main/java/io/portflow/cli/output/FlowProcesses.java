package io.portflow.cli.output;

/**
 * The local processes at the two ends of a flow; either is null when that end is not local or its
 * process cannot be known. A flow on loopback can have both.
 */
public record FlowProcesses(ProcessInfo client, ProcessInfo server) {
  public static final FlowProcesses NONE = new FlowProcesses(null, null);

  public boolean complete() {
    return client != null && server != null;
  }

  public boolean isEmpty() {
    return client == null && server == null;
  }

  /** Keeps what this one knows and fills its gaps from {@code later}. */
  public FlowProcesses orElse(FlowProcesses later) {
    return new FlowProcesses(client != null ? client : later.client, server != null ? server : later.server);
  }
}
