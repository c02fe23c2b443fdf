package io.portflow.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileSignaturesTest {
  private static String describe(byte[] b) {
    return FileSignatures.describe(b, 0, b.length);
  }

  @Test
  void compressedFormats_sayToDecompressFirst() {
    assertEquals("bzip2-compressed data (only gzip is read directly; decompress it first)",
        describe("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("zstd-compressed data (only gzip is read directly; decompress it first)",
        describe(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x04}));
  }

  @Test
  void text_asciiOrUtf8_evenCutInsideACharacter() {
    assertEquals("text", describe("# notes\r\n\tsecond line\n".getBytes(StandardCharsets.US_ASCII)));
    byte[] utf8 = "Grüße aus München".getBytes(StandardCharsets.UTF_8);
    assertEquals("text", describe(Arrays.copyOf(utf8, 3)));  // "Gr" and half of "ü"
  }

  @Test
  void binaryWithoutAKnownSignature_isNothingInParticular() {
    assertNull(describe(new byte[] {0x00, 0x01, 0x02, 0x03, 0x04}));
    assertNull(describe(new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2}));
  }

  @Test
  void onlyTheBytesGiven_areLookedAt() {
    byte[] png = {0x00, (byte) 0x89, 'P', 'N', 'G', 0x0d};
    assertEquals("a PNG image", FileSignatures.describe(png, 1, 5));
    assertNull(FileSignatures.describe(png, 1, 3), "too short for the signature, and not text");
  }
}
