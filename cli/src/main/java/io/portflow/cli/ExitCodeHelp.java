package io.portflow.cli;

import picocli.CommandLine.Command;

/**
 * Mixed into every command so that each {@code --help} shows the table of {@link ExitCodes}. The
 * README's table says the same words ({@code ExitCodeTableTest}).
 */
@Command(
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok: every capture read to its end (warnings, if any, on stderr); also when the reader of the output went away, as head does",
      "1:runtime failure: a bug, too little memory (the line says how to give more), or an I/O error writing the output",
      "2:usage error, including a BPF filter libpcap rejects",
      "3:a capture or an interface cannot be opened: missing, unreadable, not a capture, a directory without captures, no such interface, interface down; nothing is printed",
      "4:a capture is damaged or cut short, or a live capture broke off: the flows read before are printed, then one line saying where",
      "5:permission denied for live capture: run with sudo, or grant the capabilities (README: capture without sudo)",
      "6:libpcap is needed (--filter, --reader libpcap, live capture) but not installed",
    })
public final class ExitCodeHelp {}
