package io.portflow.capture.libpcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.CaptureFiles;
import io.portflow.capture.ReaderKind;
import io.portflow.capture.testing.Captures;
import io.portflow.capture.testing.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibpcapReaderTest {
  @TempDir Path dir;

  @BeforeEach
  void needsLibpcap() {
    assumeTrue(Libpcap.isAvailable(), "libpcap is not installed (apt-get install libpcap0.8)");
  }

  private static ReadResult read(Path file) throws CaptureException {
    return Captures.read(List.of(file), ReaderKind.LIBPCAP, null);
  }

  @Test
  void readsWhatOurReaderReads() throws Exception {
    Path file = Captures.resource("nanosecs_big_endian.pcap");
    ReadResult libpcap = read(file);
    assertNull(libpcap.error());
    assertEquals(Captures.read(file).frames(), libpcap.frames());
    assertEquals(Captures.read(file).inputs(), libpcap.inputs());
  }

  @Test
  void version_isLibpcaps() throws Exception {
    assertEquals(true, Libpcap.require().startsWith("libpcap version"));
  }

  @Test
  void gzip_isRefusedWithAReason() {
    Path file = Captures.resource("dns_tcp.pcap.gz");
    CaptureException e = assertThrows(CaptureException.class, () -> read(file));
    assertEquals(Kind.CANNOT_OPEN, e.kind());
    assertEquals(file + ": libpcap cannot read gzip-compressed captures; use the portflow reader or"
        + " gunzip the file first", e.getMessage());
  }

  @Test
  void pcapngWithTwoLinkTypes_failsClearlyAfterTheFirstInterfacesFrames() throws Exception {
    Path file = Captures.resource("pcapng-example.pcapng");
    ReadResult r = read(file);
    assertEquals(59, r.frames().size());
    assertEquals(Kind.CANNOT_OPEN, r.error().kind());
    assertEquals(file + ": packet 60: libpcap cannot read pcapng files whose interfaces differ in link"
        + " type or snapshot length (an interface has a type 113 different from the type of the first"
        + " interface); read it with the portflow reader", r.error().getMessage());
  }

  @Test
  void damage_comesWithLibpcapsText() throws Exception {
    Path file = Captures.resource("truncated_dns_2.pcap");
    ReadResult r = read(file);
    assertEquals(1, r.frames().size());
    assertEquals(Kind.DAMAGED, r.error().kind());
    assertEquals(file + ": packet 2: libpcap: truncated dump file; tried to read 16 header bytes, only"
        + " got 7", r.error().getMessage());
  }

  @Test
  void missingAndNonCaptureFiles_failAsWithOurReader() {
    Path text = Captures.write(dir, "notes.txt", "#!/usr/bin/env python3\n".getBytes(StandardCharsets.UTF_8));
    for (Path file : List.of(dir.resolve("missing.pcap"), dir, text)) {
      CaptureException ours = assertThrows(CaptureException.class,
          () -> CaptureFiles.open(List.of(file), ReaderKind.PORTFLOW, null));
      CaptureException libpcap = assertThrows(CaptureException.class, () -> read(file));
      assertEquals(ours.kind(), libpcap.kind());
      assertEquals(ours.getMessage(), libpcap.getMessage());
    }
  }

  @Test
  void headerLibpcapRefuses_isNotACaptureWithItsText() {
    Path file = Captures.write(dir, "v1.pcap", io.portflow.capture.testing.Hex.bytes(
        "d4c3b2a1 0100 0400 00000000 00000000 ffff0000 01000000"));
    CaptureException e = assertThrows(CaptureException.class, () -> read(file));
    assertEquals(Kind.NOT_A_CAPTURE, e.kind());
    assertEquals(file + ": libpcap cannot read it: archaic pcap savefile format", e.getMessage());
  }

  /** A JVM whose pcap4j points at a library that does not exist sees LIBPCAP_MISSING everywhere it needs libpcap. */
  @Test
  void withoutLibpcap_oneLineSaysHowToInstallIt() throws IOException, InterruptedException {
    Path file = Captures.resource("dns_tcp.pcap");
    Process p = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-D" + Libpcap.LIBRARY_NAME_PROPERTY + "=" + dir.resolve("libpcap.so.0.8"),
            MissingLibpcapMain.class.getName(), file.toString())
        .redirectErrorStream(true)
        .start();
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String missing = "LIBPCAP_MISSING: " + Libpcap.INSTALL_HINT;
    assertEquals(String.join(System.lineSeparator(), missing, missing, missing, "read without libpcap", ""),
        out, "child output");
    assertEquals("libpcap is not installed; install it with 'apt-get install libpcap0.8' (Debian/Ubuntu)"
        + " or 'dnf install libpcap' (Fedora)", Libpcap.INSTALL_HINT);
  }
}
