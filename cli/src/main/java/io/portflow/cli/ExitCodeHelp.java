package io.portflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Mixed into every command so that each {@code --help} shows the table of {@link ExitCodes}: by
 * annotation where the command is annotated, by {@link #mixin()} where it is built with the
 * programmatic API ({@code analyze}). The README's table says the same words ({@code ExitCodeTableTest}).
 */
@Command(
    exitCodeListHeading = ExitCodeHelp.HEADING,
    exitCodeList = {
      ExitCodeHelp.OK, ExitCodeHelp.FAILURE, ExitCodeHelp.USAGE, ExitCodeHelp.CANNOT_READ, ExitCodeHelp.DAMAGED,
      ExitCodeHelp.PERMISSION_DENIED, ExitCodeHelp.LIBPCAP_MISSING,
    })
public final class ExitCodeHelp {
  static final String HEADING = "%nExit codes:%n";
  static final String OK = "0:ok: every capture read to its end (warnings, if any, on stderr); also when the reader of the output went away, as head does";
  static final String FAILURE = "1:runtime failure: a bug, too little memory (the line says how to give more), or an I/O error writing the output";
  static final String USAGE = "2:usage error, including a BPF filter libpcap rejects";
  static final String CANNOT_READ = "3:a capture or an interface cannot be opened: missing, unreadable, not a capture, a directory without captures, no such interface, interface down; nothing is printed";
  static final String DAMAGED = "4:a capture is damaged or cut short, or a live capture broke off: the flows read before are printed, then one line saying where";
  static final String PERMISSION_DENIED = "5:permission denied for live capture: run with sudo, or grant the capabilities (README: capture without sudo)";
  static final String LIBPCAP_MISSING = "6:libpcap is needed (--filter, --reader libpcap, live capture) but not installed";

  /** The same table as the annotation, for a command built with the programmatic API. */
  static CommandSpec mixin() {
    CommandSpec mixin = CommandSpec.create();
    mixin.usageMessage()
        .exitCodeListHeading(HEADING)
        .exitCodeList(UsageMessageSpec.keyValuesMap(
            OK, FAILURE, USAGE, CANNOT_READ, DAMAGED, PERMISSION_DENIED, LIBPCAP_MISSING));
    return mixin;
  }
}
