package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by the error tests: opens the interface named in the first argument (with the
 * filter in the second, if any) and prints {@code OK} or {@code kind|class|message} on one line.
 */
public final class OpenProbe {
  private OpenProbe() {}

  public static void main(String[] args) {
    LiveOptions options = LiveOptions.of(args[0]).withFilter(args.length > 1 ? args[1] : null);
    try (LiveCapture capture = LiveCapture.open(options)) {
      System.out.println("OK");
    } catch (CaptureException e) {
      System.out.println(e.kind() + "|" + e.getClass().getSimpleName() + "|" + e.getMessage());
    }
  }

  /** {@code java [jvmOptions] -cp <test class path> OpenProbe args...}. */
  static List<String> command(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(OpenProbe.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }
}
