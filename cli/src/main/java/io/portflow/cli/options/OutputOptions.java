package io.portflow.cli.options;

import io.portflow.cli.output.FlowOrder;
import io.portflow.cli.output.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * How flows are printed: {@code --format}, {@code --sort}, {@code --top}, {@code --color}. A
 * mixin built with picocli's programmatic API ({@link #mixin()}), not from annotations: reading
 * annotations by reflection was most of a small analysis's start-up.
 */
public final class OutputOptions {
  private final OptionSpec format = OptionSpec.builder("--format").paramLabel("FORMAT").defaultValue("table")
      .type(OutputFormat.class).converters(new LabelConverter<>(OutputFormat.values(), OutputFormat::label))
      .description("table, json, jsonl or csv (default: ${DEFAULT-VALUE}). jsonl writes each flow "
          + "as it finishes.")
      .build();

  private final OptionSpec sort = OptionSpec.builder("--sort").paramLabel("KEY")
      .type(FlowOrder.class).converters(new LabelConverter<>(FlowOrder.values(), FlowOrder::label))
      .description("start, bytes, packets or duration (default: start, i.e. first_seen then "
          + "flow_id; the others largest first). With jsonl, sorting waits for the whole capture.")
      .build();

  private final OptionSpec top = OptionSpec.builder("--top").paramLabel("N")
      .type(Integer.class).converters(new PositiveConverter())
      .description("Print only the first N flows in sort order.")
      .build();

  private final OptionSpec color = OptionSpec.builder("--color").paramLabel("WHEN").defaultValue("auto")
      .type(ColorMode.class).converters(new LabelConverter<>(ColorMode.values(), ColorMode::label))
      .description("auto, always or never (default: ${DEFAULT-VALUE}: on a terminal unless "
          + "NO_COLOR is set).")
      .build();

  /** The options, to add to a command with {@link CommandSpec#addMixin}. */
  public CommandSpec mixin() {
    return CommandSpec.create().addOption(format).addOption(sort).addOption(top).addOption(color);
  }

  public OutputFormat format() {
    return format.getValue();
  }

  /** The order asked for; {@link FlowOrder#START} when none was. */
  public FlowOrder sort() {
    FlowOrder order = sort.getValue();
    return order == null ? FlowOrder.START : order;
  }

  /** How many flows to print at most; {@code Integer.MAX_VALUE} when {@code --top} was not given. */
  public int top() {
    Integer n = top.getValue();
    return n == null ? Integer.MAX_VALUE : n;
  }

  /** True when {@code --sort} or {@code --top} was given: the output must wait for every flow. */
  public boolean reorders() {
    return sort.getValue() != null || top.getValue() != null;
  }

  public ColorMode color() {
    return color.getValue();
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
