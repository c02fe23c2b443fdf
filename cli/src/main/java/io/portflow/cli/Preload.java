package io.portflow.cli;

import io.portflow.analyze.AnalyzerConfig;
import io.portflow.analyze.FlowAnalyzer;
import io.portflow.analyze.decode.DecodedBatch;
import io.portflow.analyze.decode.PacketDecoder;
import io.portflow.capture.CaptureFiles;
import io.portflow.cli.output.JsonlWriter;
import io.portflow.cli.output.TimePrecision;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Start-up work every analysis needs whatever its arguments, done on a second core while the main
 * thread builds the command line: loading and initialising the analyzer's classes, the IANA
 * service-name table, the JSON Lines writer, and the JDK's number formatting with its locale data (the table's {@code 1,234} and {@code 1.2 kB}).
 * Jackson, which only {@code --format json} uses, is left to the runs that need it. This only
 * warms what the main thread would otherwise do itself a moment later, so it changes no result;
 * if it fails, the main thread meets the same problem and reports it.
 */
final class Preload {
  private Preload() {}

  static void start() {
    Thread thread = new Thread(Preload::run, "portflow-preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      CaptureFiles.class.getName();
      new FlowAnalyzer(AnalyzerConfig.defaults(), flow -> {}).finish();
      new DecodedBatch(1).add(new PacketDecoder(), 0, 1, new byte[14], 0, 14, 14);
      new JsonlWriter(Writer.nullWriter(), TimePrecision.MICROS).flush();
      String.format(Locale.ROOT, "%,d %.1f", 1234, 1.5);
    } catch (IOException | RuntimeException | LinkageError e) {
      // the main thread will do the same work and report what is wrong
    }
  }
}
