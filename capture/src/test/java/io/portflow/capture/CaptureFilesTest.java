package io.portflow.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.Hex;
import io.portflow.capture.testing.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
  @TempDir Path dir;

  private CaptureException openFails(Path file) {
    return assertThrows(CaptureException.class,
        () -> CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null));
  }

  @Test
  void missingFile_cannotOpen() {
    CaptureException e = openFails(dir.resolve("nope.pcap"));
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals(dir.resolve("nope.pcap") + ": no such file", e.getMessage());
  }

  @Test
  void directory_cannotOpen() {
    CaptureException e = openFails(dir);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals(dir + ": is a directory, not a capture file", e.getMessage());
  }

  @Test
  void unreadableFile_cannotOpen() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads files whatever their mode");
    Path file = Captures.write(dir, "secret.pcap", new byte[24]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    CaptureException e = openFails(file);
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals(file + ": permission denied", e.getMessage());
  }

  @Test
  void emptyFile_isNotACapture() {
    Path file = Captures.write(dir, "empty.pcap", new byte[0]);
    CaptureException e = openFails(file);
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(file + ": empty file (expected: a pcap or pcapng capture)", e.getMessage());
  }

  @Test
  void threeByteFile_isNotACapture() {
    Path file = Captures.write(dir, "tiny.pcap", Hex.bytes("d4c3b2"));
    assertEquals(file + ": file is only 3 bytes long (expected: at least 24, a capture file header)", openFails(file).getMessage());
  }

  @Test
  void textFile_isNotACapture() {
    Path file = Captures.write(dir, "notes.txt", "#!/usr/bin/env python3\n".getBytes());
    CaptureException e = openFails(file);
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(file + ": not a pcap or pcapng capture: it starts with 0x23212f75, which looks like"
        + " text (expected: 0xa1b2c3d4 or 0xa1b23c4d in either byte order, or pcapng's"
        + " 0x0a0d0d0a)", e.getMessage());
  }

  @Test
  void noFiles_isAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> CaptureFiles.open(List.of(), ReaderKind.PORTFLOW, null));
  }

  @Test
  void blankFilter_meansEveryFrameAndNeedsNoLibpcap() throws Exception {
    ReadResult r = Captures.read(List.of(Captures.resource("dns_tcp.pcap")), ReaderKind.PORTFLOW, "  ");
    assertEquals(11, r.frames().size());
    assertNull(r.error());
  }

  @Test
  void readerKind_labels() {
    assertEquals("portflow", ReaderKind.PORTFLOW.label());
    assertEquals("libpcap", ReaderKind.LIBPCAP.label());
    assertEquals(ReaderKind.LIBPCAP, ReaderKind.fromLabel("LibPcap"));
    assertNull(ReaderKind.fromLabel("wireshark"));
  }
}
