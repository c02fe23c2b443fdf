package io.portflow.cli.corpus;

/**
 * One way in which portflow's connections in a capture differ from tshark's.
 *
 * @param stream what differs, as known-differences.tsv names it: a tshark stream number, {@code
 *     flow:N} for a portflow flow that no tshark stream matches, or {@code read} when portflow
 *     could not read the capture
 * @param text what differs, with the numbers
 */
record Difference(String stream, String text) {

  static Difference ofStream(TsharkStream stream, String text) {
    return new Difference(Integer.toString(stream.stream()), text);
  }

  static Difference ofFlow(long flowId, String text) {
    return new Difference("flow:" + flowId, text);
  }
}
