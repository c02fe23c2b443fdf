package io.portflow.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A Community ID seed: an unsigned 16-bit number, as the spec defines it. */
public final class SeedConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String text) {
    String digits = text.trim();
    if (digits.length() > 0 && digits.length() <= 5 && allDigits(digits)) {
      int seed = Integer.parseInt(digits);
      if (seed <= 0xffff) {
        return seed;
      }
    }
    throw new TypeConversionException("'" + text + "' (expected: 0-65535)");
  }

  /**
   * As {@link Character#isDigit} on every char (so as {@link Integer#parseInt}), without a
   * stream: this runs at start-up, for the default.
   */
  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
