package io.portflow.cli.options;

/** When the table uses colour. */
public enum ColorMode {
  /** When standard output is a terminal and NO_COLOR is not set (https://no-color.org). */
  AUTO("auto"),
  ALWAYS("always"),
  NEVER("never");

  private final String label;

  ColorMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether to colour, given what standard output is. */
  public boolean enabled(boolean interactive, boolean noColor) {
    return this == ALWAYS || (this == AUTO && interactive && !noColor);
  }
}
