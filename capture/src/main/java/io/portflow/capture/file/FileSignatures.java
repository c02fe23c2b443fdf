package io.portflow.capture.file;

import java.nio.charset.StandardCharsets;

/**
 * Says what a file that is not a capture looks like instead (an image, a program, text, another
 * compression format), so that "not a capture" tells the user which file they gave by mistake.
 */
final class FileSignatures {
  /** Leading bytes, and what a file starting with them is. */
  private static final Object[][] KNOWN = {
    {bytes(0x89, 'P', 'N', 'G'), "a PNG image"},
    {bytes(0xff, 0xd8, 0xff), "a JPEG image"},
    {bytes(0x7f, 'E', 'L', 'F'), "an ELF binary"},
    {bytes('%', 'P', 'D', 'F'), "a PDF document"},
    {bytes('P', 'K', 3, 4), "a zip archive"},
    {bytes('B', 'Z', 'h'), "bzip2-compressed data (only gzip is read directly; decompress it first)"},
    {bytes(0xfd, '7', 'z', 'X', 'Z', 0), "xz-compressed data (only gzip is read directly; decompress it first)"},
    {bytes(0x28, 0xb5, 0x2f, 0xfd), "zstd-compressed data (only gzip is read directly; decompress it first)"},
    {bytes('s', 'n', 'o', 'o', 'p', 0, 0, 0), "a snoop capture (convert it with: editcap -F pcap)"},
  };
  /** Enough to tell text from binary without reading far. */
  private static final int TEXT_SAMPLE = 64;

  private FileSignatures() {}

  /**
   * What {@code b[start .. start + length)}, the start of a file, looks like.
   *
   * @return e.g. "a PNG image" or "text", or null when it looks like nothing known
   */
  static String describe(byte[] b, int start, int length) {
    for (Object[] known : KNOWN) {
      byte[] signature = (byte[]) known[0];
      if (startsWith(b, start, length, signature)) {
        return (String) known[1];
      }
    }
    return isText(b, start, Math.min(length, TEXT_SAMPLE)) ? "text" : null;
  }

  private static boolean startsWith(byte[] b, int start, int length, byte[] signature) {
    if (length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (b[start + i] != signature[i]) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII, tabs and line ends, or UTF-8 beyond ASCII: what a text file starts with. */
  private static boolean isText(byte[] b, int start, int length) {
    String sample = new String(b, start, length, StandardCharsets.UTF_8);
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      if (control || c == 0x7f || c == '\ufffd') {
        // U+FFFD: not UTF-8, unless a multi-byte character was cut by the end of the sample.
        if (c != '\ufffd' || i < sample.length() - 1) {
          return false;
        }
      }
    }
    return length > 0;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
