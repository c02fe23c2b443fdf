package io.portflow.cli.options;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns the lower-case label of an enum constant ({@code jsonl}, {@code libpcap}) into the constant.
 * The label function comes from the option class that makes the converter: a lambda written here,
 * in a class of picocli's pre-Java-6 interface, would be spun at every start instead of coming
 * from the class-data archive.
 */
final class LabelConverter<E> implements ITypeConverter<E> {
  private final List<E> values;
  private final Function<E, String> label;

  LabelConverter(E[] values, Function<E, String> label) {
    this.values = List.of(values);
    this.label = label;
  }

  @Override
  public E convert(String text) {
    for (E value : values) {
      if (label.apply(value).equals(text)) {
        return value;
      }
    }
    StringJoiner expected = new StringJoiner(", ");
    for (E value : values) {
      expected.add(label.apply(value));
    }
    throw new TypeConversionException("'" + text + "' (expected one of: " + expected + ")");
  }
}
