package io.portflow.cli.output;

import io.portflow.analyze.FlowRecord;

/**
 * The local processes at a flow's ends, for writers to print with the flow. Only a live capture on
 * this machine knows them ({@code portflow watch}); saved captures have {@link #NONE}.
 */
@FunctionalInterface
public interface ProcessLookup {
  /** Nothing is known about any flow. */
  ProcessLookup NONE = flow -> FlowProcesses.NONE;

  /** What is known about {@code flow}'s ends; {@link FlowProcesses#NONE}, never null, when nothing. */
  FlowProcesses of(FlowRecord flow);
}
