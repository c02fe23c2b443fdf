package io.portflow.cli.output;

import io.portflow.analyze.FlowRecord;
import java.io.IOException;
import java.util.List;

/** Prints a finished run in one format. */
public interface FlowWriter {
  /**
   * Writes the overview (where the format has room for it) and the flows in the order given.
   * The caller has already sorted and cut the list.
   */
  void write(CaptureOverview overview, List<FlowRecord> flows) throws IOException;
}
