package io.portflow.cli.output;

import io.portflow.analyze.CaptureSummary;
import io.portflow.capture.CaptureInfo;
import java.util.List;

/**
 * Everything but the flows that a writer may print about one run.
 *
 * @param inputs one entry per file, in the order given
 * @param summary what the analyzer counted
 * @param reader which reader read the files ({@code portflow} or {@code libpcap})
 * @param filter the BPF filter applied, or null
 * @param error the one-line message when the input could not be read to its end, or null
 * @param warnings what was read but not as it should have been (records longer than the
 *     snaplen, ...), one line each, as standard error says them after {@code portflow: warning:}
 */
public record CaptureOverview(List<CaptureInfo> inputs, CaptureSummary summary, String reader,
    String filter, String error, List<String> warnings) {

  public CaptureOverview {
    inputs = List.copyOf(inputs);
    warnings = List.copyOf(warnings);
  }
}
