package io.portflow.capture.io;

import java.io.IOException;

/**
 * The compressed layer under a capture is broken (bad gzip data or a cut-off gzip stream). Readers
 * catch it and report it with the record or block where it struck.
 */
public final class CorruptInputException extends IOException {
  public CorruptInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
