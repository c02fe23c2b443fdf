package io.portflow.cli.options;

import io.portflow.cli.output.FlowOrder;
import io.portflow.cli.output.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How flows are printed: {@code --format}, {@code --sort}, {@code --top}, {@code --color}. */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = FormatConverter.class,
      description = "table, json, jsonl or csv (default: ${DEFAULT-VALUE}). jsonl writes each flow "
          + "as it finishes.")
  private OutputFormat format;

  @Option(names = "--sort", paramLabel = "KEY", converter = OrderConverter.class,
      description = "start, bytes, packets or duration (default: start, i.e. first_seen then "
          + "flow_id; the others largest first). With jsonl, sorting waits for the whole capture.")
  private FlowOrder sort;

  @Option(names = "--top", paramLabel = "N", converter = PositiveConverter.class,
      description = "Print only the first N flows in sort order.")
  private Integer top;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      converter = ColorMode.Converter.class,
      description = "auto, always or never (default: ${DEFAULT-VALUE}: on a terminal unless "
          + "NO_COLOR is set).")
  private ColorMode color;

  public OutputFormat format() {
    return format;
  }

  /** The order asked for; {@link FlowOrder#START} when none was. */
  public FlowOrder sort() {
    return sort == null ? FlowOrder.START : sort;
  }

  /** How many flows to print at most; {@code Integer.MAX_VALUE} when {@code --top} was not given. */
  public int top() {
    return top == null ? Integer.MAX_VALUE : top;
  }

  /** True when {@code --sort} or {@code --top} was given: the output must wait for every flow. */
  public boolean reorders() {
    return sort != null || top != null;
  }

  public ColorMode color() {
    return color;
  }

  static final class FormatConverter extends LabelConverter<OutputFormat> {
    FormatConverter() {
      super(OutputFormat.values(), OutputFormat::label);
    }
  }

  static final class OrderConverter extends LabelConverter<FlowOrder> {
    OrderConverter() {
      super(FlowOrder.values(), FlowOrder::label);
    }
  }

  static final class PositiveConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      try {
        int n = Integer.parseInt(text);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, with what was expected
      }
      throw new TypeConversionException("'" + text + "' (expected: a whole number of 1 or more)");
    }
  }
}
