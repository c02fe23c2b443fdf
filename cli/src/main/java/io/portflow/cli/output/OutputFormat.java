package io.portflow.cli.output;

/** The formats {@code --format} accepts. */
public enum OutputFormat {
  /** Aligned columns for people, with a summary paragraph. */
  TABLE("table"),
  /** One JSON document: the capture summary and every flow. */
  JSON("json"),
  /** One flow record per line, written as each flow finishes. */
  JSONL("jsonl"),
  /** A header row and one row per flow. */
  CSV("csv");

  private final String label;

  OutputFormat(String label) {
    this.label = label;
  }

  /** The name on the command line. */
  public String label() {
    return label;
  }

  /** True when records can be written as flows finish, without waiting for the whole capture. */
  public boolean streams() {
    return this == JSONL;
  }
}
