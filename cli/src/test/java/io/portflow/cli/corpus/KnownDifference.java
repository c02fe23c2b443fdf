package io.portflow.cli.corpus;

/**
 * A reviewed row of known-differences.tsv: portflow differs from tshark here on purpose.
 *
 * @param file the capture, relative to the corpus folder ({@code captures/zeek/...}, {@code ns/...})
 * @param stream a tshark stream number, {@code flow:N}, {@code read}, or {@code *} for every
 *     difference in the file
 * @param reason why portflow's number is the right one (or why the difference is accepted)
 * @param line line number in the file, for messages
 */
record KnownDifference(String file, String stream, String reason, int line) {

  boolean covers(Difference difference) {
    return stream.equals("*") || stream.equals(difference.stream());
  }
}
