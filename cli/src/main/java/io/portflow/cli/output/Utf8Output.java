package io.portflow.cli.output;

import java.io.OutputStream;

/**
 * A writer that also takes UTF-8 bytes, for writers that can produce bytes directly (the JSON Lines
 * encoder) instead of characters that an encoder turns into the same bytes. The caller
 * flushes the writer before it writes bytes, and the bytes before it writes characters again.
 */
public interface Utf8Output {
  /** The byte stream under the writer; a failed write sets the writer's error state. */
  OutputStream utf8Stream();
}
