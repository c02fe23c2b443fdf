package io.portflow.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An inclusive port range, {@code LO-HI}.
 *
 * @param low first port in the range, 0-65535
 * @param high last port in the range, low-65535
 */
public record PortRange(int low, int high) {
  public PortRange {
    if (low < 0 || high > 0xffff || low > high) {
      throw new IllegalArgumentException(
          "invalid port range: " + low + "-" + high + " (expected: 0 <= LO <= HI <= 65535)");
    }
  }

  @Override
  public String toString() {
    return low + "-" + high;
  }

  /** Parses {@code LO-HI}. */
  public static final class Converter implements ITypeConverter<PortRange> {
    @Override
    public PortRange convert(String text) {
      int dash = text.indexOf('-');
      if (dash <= 0 || dash == text.length() - 1) {
        throw new TypeConversionException("'" + text + "' (expected: LO-HI, e.g. 32768-60999)");
      }
      int low = port(text, text.substring(0, dash));
      int high = port(text, text.substring(dash + 1));
      if (low > high) {
        throw new TypeConversionException("'" + text + "' (expected: LO <= HI)");
      }
      return new PortRange(low, high);
    }

    private static int port(String range, String digits) {
      int port = -1;
      if (digits.length() <= 5 && asciiDigits(digits)) {
        port = Integer.parseInt(digits);
      }
      if (port < 0 || port > 0xffff) {
        throw new TypeConversionException(
            "'" + range + "' (expected: ports 0-65535, but was '" + digits + "')");
      }
      return port;
    }

    /** Only 0-9, checked without a stream: this runs at start-up, for the default. */
    private static boolean asciiDigits(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
