package io.portflow.capture.live;

import io.portflow.capture.CaptureException;

/**
 * The process may not capture on an interface: it lacks CAP_NET_RAW (and CAP_NET_ADMIN for
 * promiscuous mode). The CLI gives this its own exit code (5). Its {@link #kind()} is {@link
 * Kind#CANNOT_OPEN} until {@link CaptureException.Kind} has a kind of its own for it.
 */
public final class CapturePermissionException extends CaptureException {
  private final String interfaceName;

  public CapturePermissionException(String interfaceName, String message, Throwable cause) {
    super(Kind.CANNOT_OPEN, message, cause);
    this.interfaceName = interfaceName;
  }

  /** The interface that could not be opened. */
  public String interfaceName() {
    return interfaceName;
  }
}
