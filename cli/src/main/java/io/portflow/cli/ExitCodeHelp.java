package io.portflow.cli;

import picocli.CommandLine.Command;

/** Mixed into every command so that each {@code --help} shows the table of {@link ExitCodes}. */
@Command(
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:runtime failure (a bug, an I/O error writing output)",
      "2:usage error, including a BPF filter libpcap rejects",
      "3:a capture or an interface cannot be opened (missing, unreadable, down)",
      "4:a capture is damaged or cut short; flows before the damage are printed",
      "5:permission denied for live capture",
      "6:libpcap is needed but not installed",
    })
public final class ExitCodeHelp {}
