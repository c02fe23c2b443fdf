package io.portflow.cli.watch;

import io.portflow.capture.live.LiveCapture;
import io.portflow.capture.live.LiveOptions;
import io.portflow.capture.live.LiveResult;
import io.portflow.capture.live.StopCondition;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Run on a pseudo-terminal by {@link LiveScreenTerminalTest}: the live capture, the stop signals
 * and the live screen wired the way {@code portflow watch} wires them (without flows: the
 * analyzer is not part of this package). Prints one line after the screen is left.
 */
public final class LiveScreenProbe {
  private LiveScreenProbe() {}

  public static void main(String[] args) throws Exception {
    LiveOptions options = LiveOptions.of(args[0]).withTickInterval(Duration.ofMillis(100));
    try (LiveCapture capture = LiveCapture.open(options)) {
      StopSignals.install(capture::stop);
      Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      LiveScreen screen = new LiveScreen(out, args[0], null, true, TerminalSize::detect);
      ProcessAttribution processes = new ProcessAttribution(ProcessResolver.system());
      LiveResult result;
      screen.open();
      try {
        result = capture.run((ts, link, data, offset, caplen, wirelen) -> {},
            (now, stats) -> screen.draw(now, stats, List.of(), 0, processes), StopCondition.never());
      } finally {
        screen.close();
      }
      out.write("stopped: " + result.reason().label() + ", " + result.stats().frames() + " packets\n");
      out.flush();
    }
  }
}
