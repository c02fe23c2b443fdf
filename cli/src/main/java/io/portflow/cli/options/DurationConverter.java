package io.portflow.cli.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive span of capture time: seconds ({@code 300}, {@code 2.5}) or a number with a unit
 * ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)(ms|s|m|h)?");

  @Override
  public Duration convert(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw invalid(text);
    }
    BigDecimal seconds = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        seconds = seconds.movePointLeft(3);
        break;
      case "m":
        seconds = seconds.multiply(BigDecimal.valueOf(60));
        break;
      case "h":
        seconds = seconds.multiply(BigDecimal.valueOf(3600));
        break;
      default:
        break;
    }
    long nanos;
    try {
      nanos = seconds.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(text); // more than 292 years
    }
    if (nanos <= 0) {
      throw invalid(text);
    }
    return Duration.ofNanos(nanos);
  }

  private static TypeConversionException invalid(String text) {
    return new TypeConversionException(
        "'" + text + "' (expected: more than 0 seconds, e.g. 300, 90s, 5m or 1h)");
  }
}
