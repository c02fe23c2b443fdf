package io.portflow.cli.output.table;

/** ANSI SGR styles the table uses. */
enum Style {
  PLAIN(""),
  BOLD("1"),
  DIM("2"),
  RED("31"),
  GREEN("32"),
  YELLOW("33");

  private final String code;

  Style(String code) {
    this.code = code;
  }

  /** {@code text} wrapped in this style's escape sequence, or unchanged when colour is off. */
  String apply(String text, boolean color) {
    if (!color || code.isEmpty() || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + code + 'm' + text + "\u001b[0m";
  }
}
