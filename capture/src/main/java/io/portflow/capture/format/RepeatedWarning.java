package io.portflow.capture.format;

/**
 * One kind of problem a reader works around (it reads on), reported once per input: the first
 * occurrence in full, with file, record and offset, and how many more there were. A capture whose
 * writer got one thing wrong in every record gets one line, not a million.
 */
public final class RepeatedWarning {
  private final String unit;
  private String first;
  private long count;

  /** @param unit "record" or "block", for the count */
  public RepeatedWarning(String unit) {
    this.unit = unit;
  }

  /** Counts one occurrence; {@code message} is built only for the first. */
  public void add(java.util.function.Supplier<String> message) {
    if (count++ == 0) {
      first = message.get();
    }
  }

  /** The line to show, or null when it never happened. */
  public String line() {
    if (count <= 1) {
      return first;
    }
    long more = count - 1;
    return first + " (and " + more + " more " + unit + (more == 1 ? "" : "s") + " like it)";
  }
}
