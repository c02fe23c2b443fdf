package io.portflow.capture.testing;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Inline hex fixtures: whitespace is ignored and {@code #} starts a comment to the end of the line. */
public final class Hex {
  private Hex() {}

  public static byte[] bytes(String text) {
    StringBuilder digits = new StringBuilder();
    for (String line : text.split("\n")) {
      int comment = line.indexOf('#');
      String code = comment < 0 ? line : line.substring(0, comment);
      for (char c : code.toCharArray()) {
        if (!Character.isWhitespace(c)) {
          digits.append(c);
        }
      }
    }
    return HexFormat.of().parseHex(digits);
  }

  public static String of(byte[] data, int offset, int length) {
    return HexFormat.of().formatHex(data, offset, offset + length);
  }

  /** Concatenates fixtures. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
