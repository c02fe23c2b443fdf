package io.portflow.cli.output;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Pretty printing as jq does it: two-space indent, {@code "key": value}, arrays one element per
 * line, empty containers as {@code []} and {@code {}}, and {@code \n} on every platform.
 */
final class JsonLayout {
  private JsonLayout() {}

  static DefaultPrettyPrinter printer() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indent);
    printer.indentArraysWith(indent);
    return printer;
  }
}
