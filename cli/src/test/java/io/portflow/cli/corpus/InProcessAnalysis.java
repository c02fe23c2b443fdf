package io.portflow.cli.corpus;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.FlowRecord;
import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureFiles;
import io.portflow.capture.FrameSource;
import io.portflow.capture.ReaderKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * portflow's view of one capture, computed the way the CLI computes it (our reader, default
 * analyzer settings) but in-process.
 *
 * @param flows every TCP flow record, in the order they were emitted
 * @param readError the reader's message when the capture could not be read at all, else null; a
 *     capture damaged after some frames counts as read, as tshark reads it up to the damage too
 */
record InProcessAnalysis(List<FlowRecord> flows, String readError) {

  static InProcessAnalysis of(Path capture) throws IOException {
    List<FlowRecord> flows = new ArrayList<>();
    // tshark's tcp.stream is the oracle, so only TCP flows take part.
    FlowAnalyzer analyzer = new FlowAnalyzer(AnalyzerConfig.defaults(), flow -> {
      if ("tcp".equals(flow.transport())) {
        flows.add(flow);
      }
    });
    String readError = null;
    try (FrameSource source = CaptureFiles.open(List.of(capture), ReaderKind.PORTFLOW, null)) {
      while (source.next(analyzer::onFrame)) {
        // every frame goes to the analyzer
      }
    } catch (CaptureException e) {
      if (e.kind() != CaptureException.Kind.DAMAGED) {
        readError = e.kind() + ": " + e.getMessage();
      }
    }
    analyzer.finish();
    return new InProcessAnalysis(flows, readError);
  }
}
