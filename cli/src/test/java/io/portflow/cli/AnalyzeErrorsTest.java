package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of failing to open a capture: one line on stderr, nothing on stdout, the right code. */
class AnalyzeErrorsTest {
  @TempDir Path dir;
  private String capture;

  @BeforeEach
  void capture() throws IOException {
    capture = Files.write(dir.resolve("capture.pcap"), new byte[] {1, 2, 3}).toString();
  }

  private static SourceOpener failing(IOException e) {
    return (files, reader, filter) -> {
      throw e;
    };
  }

  @Test
  void missingFile() {
    String missing = dir.resolve("nope.pcap").toString();
    assertFails(3, "portflow: cannot read " + missing + ": no such file\n", Run.of("analyze", missing));
  }

  @Test
  void missingSecondFile_checkedBeforeReading() {
    String missing = dir.resolve("nope.pcap").toString();
    assertFails(3, "portflow: cannot read " + missing + ": no such file\n",
        Run.of("analyze", capture, missing));
  }

  @Test
  void directoryWithoutCaptures() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertFails(3, "portflow: cannot read " + empty + ": no pcap or pcapng files in the directory\n",
        Run.of("analyze", empty.toString()));
  }

  @Test
  void unreadableFile() throws IOException {
    Path file = Files.write(dir.resolve("secret.pcap"), new byte[] {1});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    assumeFalse(Files.isReadable(file), "running as root: every file is readable");
    assertFails(3, "portflow: cannot read " + file + ": permission denied\n", Run.of("analyze", file.toString()));
  }

  @Test
  void notACapture_messageFromTheReader() {
    String message = capture + ": not a pcap or pcapng capture (starts with 0x01020300)";
    Run run = Run.of(failing(new CaptureException(Kind.NOT_A_CAPTURE, message)), "analyze", capture);
    assertFails(3, "portflow: " + message + "\n", run);
  }

  @Test
  void cannotOpen() {
    String message = capture + ": Input/output error";
    Run run = Run.of(failing(new CaptureException(Kind.CANNOT_OPEN, message)), "analyze", capture);
    assertFails(3, "portflow: " + message + "\n", run);
  }

  @Test
  void damagedBeforeTheFirstFrame() {
    String message = capture + ": record 1 at byte offset 24: captured length 4325376 exceeds snaplen 262144";
    Run run = Run.of(failing(new CaptureException(Kind.DAMAGED, message)), "analyze", capture);
    assertFails(4, "portflow: " + message + "\n", run);
  }

  @Test
  void badFilter_usageError() {
    String message = "bad filter 'tcp prot 80': can't parse filter expression: syntax error";
    Run run = Run.of(failing(new CaptureException(Kind.BAD_FILTER, message)),
        "analyze", "--filter", "tcp prot 80", capture);
    assertFails(2, "portflow: " + message + "\n", run);
  }

  @Test
  void libpcapMissing_saysHowToInstallIt() {
    Run run = Run.of(failing(new CaptureException(Kind.LIBPCAP_MISSING, "libpcap.so: not found")),
        "analyze", "--filter", "tcp", capture);
    assertFails(6, "portflow: libpcap is not installed; --filter and --reader libpcap need it"
        + " (Debian/Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap)\n", run);
  }

  @Test
  void openerGetsTheOptions() {
    StringBuilder seen = new StringBuilder();
    Run.of((files, reader, filter) -> {
      seen.append(files).append(' ').append(reader.label()).append(' ').append(filter);
      throw new CaptureException(Kind.NOT_A_CAPTURE, "stop");
    }, "analyze", "--reader", "libpcap", "--filter", "tcp port 80", capture, capture);
    assertEquals("[" + capture + ", " + capture + "] libpcap tcp port 80", seen.toString());
  }

  @Test
  void debug_addsTheStackTrace() {
    CaptureException e = new CaptureException(Kind.NOT_A_CAPTURE, "not a capture");
    Run run = Run.of(failing(e), "analyze", "--debug", capture);
    assertEquals(3, run.exitCode());
    assertTrue(run.err().startsWith("portflow: not a capture\n"
        + "io.portflow.capture.CaptureException: not a capture\n\tat "), run.err());
  }

  @Test
  void bug_internalErrorWithHint() {
    SourceOpener broken = (files, reader, filter) -> {
      throw new IllegalStateException("boom");
    };
    Run run = Run.of(broken, "analyze", capture);
    assertFails(1, "portflow: internal error: java.lang.IllegalStateException: boom\n"
        + "portflow: run again with --debug for a stack trace to report\n", run);
    Run debug = Run.of(broken, "analyze", "--debug", capture);
    assertTrue(debug.err().startsWith("portflow: internal error: java.lang.IllegalStateException: boom\n"
        + "java.lang.IllegalStateException: boom\n\tat "), debug.err());
  }

  private static void assertFails(int exitCode, String err, Run run) {
    assertEquals(err, run.err());
    assertEquals("", run.out());
    assertEquals(exitCode, run.exitCode());
  }
}
