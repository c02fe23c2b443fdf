package io.portflow.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A Community ID seed: an unsigned 16-bit number, as the spec defines it. */
public final class SeedConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String text) {
    String digits = text.trim();
    if (digits.length() > 0 && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
      int seed = Integer.parseInt(digits);
      if (seed <= 0xffff) {
        return seed;
      }
    }
    throw new TypeConversionException("'" + text + "' (expected: 0-65535)");
  }
}
