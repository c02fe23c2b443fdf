package io.portflow.cli;

/** What {@code portflow} exits with. The same table is in {@code --help} and the README. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Anything else went wrong (a bug, an I/O error writing output). */
  public static final int FAILURE = 1;
  /** Bad command line, including a BPF filter libpcap rejects. */
  public static final int USAGE = 2;
  /**
   * A capture cannot be read: missing, unreadable, a directory, not a capture; or an interface
   * cannot be opened: no such interface, interface down.
   */
  public static final int CANNOT_READ = 3;
  /** A capture is damaged or cut short: the flows read up to the damage were printed. */
  public static final int DAMAGED = 4;
  /** Live capture needs privileges this user lacks. */
  public static final int PERMISSION_DENIED = 5;
  /** libpcap is needed (--filter, --reader libpcap, live capture) but not installed. */
  public static final int LIBPCAP_MISSING = 6;

  private ExitCodes() {}
}
