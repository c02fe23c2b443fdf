package io.portflow.cli;

import io.portflow.capture.CaptureException;

/** An error to report as one line, with the exit code it maps to. */
final class Failure extends Exception {
  private final int exitCode;

  Failure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  Failure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /** The exit code and the line to print for a capture that failed. */
  static Failure of(CaptureException e) {
    switch (e.kind()) {
      case CANNOT_OPEN:
      case NOT_A_CAPTURE:
        return new Failure(ExitCodes.CANNOT_READ, e.getMessage(), e);
      case DAMAGED:
        return new Failure(ExitCodes.DAMAGED, e.getMessage(), e);
      case BAD_FILTER:
        return new Failure(ExitCodes.USAGE, e.getMessage(), e);
      case LIBPCAP_MISSING:
        return new Failure(ExitCodes.LIBPCAP_MISSING, LIBPCAP_MISSING, e);
      case PERMISSION_DENIED:
        return new Failure(ExitCodes.PERMISSION_DENIED, e.getMessage(), e);
      default:
        return new Failure(ExitCodes.FAILURE, e.getMessage(), e);
    }
  }

  static final String LIBPCAP_MISSING =
      "libpcap is not installed; --filter and --reader libpcap need it"
          + " (Debian/Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap)";
}
