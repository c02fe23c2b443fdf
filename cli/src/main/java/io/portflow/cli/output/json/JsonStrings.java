package io.portflow.cli.output.json;

import java.nio.charset.StandardCharsets;

/**
 * The characters of a JSON string as UTF-8, escaped as Jackson's UTF-8 generator (2.17) escapes
 * them by default: {@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control characters as a
 * backslash, {@code u} and four upper-case hex digits, and every surrogate, paired or lone, as its
 * own such escape (an emoji becomes two). Everything else goes out as raw UTF-8, {@code /} and DEL
 * included.
 *
 * <p>Because each UTF-16 unit is encoded on its own (surrogates are never combined), a string can
 * be encoded in pieces cut anywhere.
 */
final class JsonStrings {
  /** The most bytes one UTF-16 unit becomes: a backslash, {@code u} and four hex digits. */
  static final int MAX_BYTES_PER_CHAR = 6;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** For each ASCII character: 0 when written as is, else the letter after the backslash. */
  private static final byte[] ESCAPES = escapes();

  private JsonStrings() {}

  private static byte[] escapes() {
    byte[] escapes = new byte[0x80];
    for (int c = 0; c < 0x20; c++) {
      escapes[c] = 'u';
    }
    escapes['"'] = '"';
    escapes['\\'] = '\\';
    escapes['\b'] = 'b';
    escapes['\t'] = 't';
    escapes['\n'] = 'n';
    escapes['\f'] = 'f';
    escapes['\r'] = 'r';
    return escapes;
  }

  /**
   * Encodes {@code text[from, to)} at {@code at}; the caller has made room for
   * {@link #MAX_BYTES_PER_CHAR} bytes per character.
   *
   * @return the index after the last byte written
   */
  static int encode(String text, int from, int to, byte[] dst, int at) {
    int i = from;
    for (char c; i < to && (c = text.charAt(i)) < 0x80 && ESCAPES[c] == 0; i++) { // most strings, all of them
      dst[at++] = (byte) c;
    }
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          dst[at++] = (byte) c;
        } else if (escape == 'u') {
          at = unicodeEscape(c, dst, at);
        } else {
          dst[at++] = '\\';
          dst[at++] = escape;
        }
      } else if (c < 0x800) {
        dst[at++] = (byte) (0xc0 | c >> 6);
        dst[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isSurrogate(c)) {
        at = unicodeEscape(c, dst, at);
      } else {
        dst[at++] = (byte) (0xe0 | c >> 12);
        dst[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        dst[at++] = (byte) (0x80 | c & 0x3f);
      }
    }
    return at;
  }

  private static int unicodeEscape(char c, byte[] dst, int at) {
    dst[at] = '\\';
    dst[at + 1] = 'u';
    dst[at + 2] = HEX[c >> 12];
    dst[at + 3] = HEX[c >> 8 & 0xf];
    dst[at + 4] = HEX[c >> 4 & 0xf];
    dst[at + 5] = HEX[c & 0xf];
    return at + 6;
  }
}
