package io.portflow.capture.pcapng;

/**
 * A block's content contradicts itself; the message says how. The reader adds file, block number
 * and offset before the user sees it.
 */
final class MalformedBlockException extends Exception {
  MalformedBlockException(String problem) {
    super(problem, null, false, false);
  }
}
