package io.portflow.capture.format;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;

/**
 * Builds the one-line messages users see: {@code trace.pcap: record 7 at byte offset 5696:
 * captured length 4325376 exceeds snaplen 65535 and the 262144-byte limit}.
 */
public final class CaptureErrors {
  private CaptureErrors() {}

  /** Damage at a record or block: {@code unit} is "record", "block", ... */
  public static CaptureException damaged(
      String file, boolean compressed, String unit, long number, long offset, String problem) {
    return new CaptureException(Kind.DAMAGED, at(file, compressed, unit, number, offset) + problem);
  }

  /** The prefix naming file, record and offset, ending in ": ". */
  public static String at(String file, boolean compressed, String unit, long number, long offset) {
    return file + ": " + unit + " " + number + " at " + (compressed ? "uncompressed " : "")
        + "byte offset " + offset + ": ";
  }

  /** The compressed stream under a capture broke before any record: {@code problem} says how. */
  public static CaptureException damagedStream(String file, long uncompressedOffset, Exception problem) {
    return new CaptureException(Kind.DAMAGED, file + ": at uncompressed byte offset " + uncompressedOffset
        + ": " + problem.getMessage(), problem);
  }

  public static CaptureException notACapture(String file, String problem) {
    return new CaptureException(Kind.NOT_A_CAPTURE, file + ": " + problem);
  }

  public static CaptureException cannotOpen(String file, String problem) {
    return new CaptureException(Kind.CANNOT_OPEN, file + ": " + problem);
  }
}
