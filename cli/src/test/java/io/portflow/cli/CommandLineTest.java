package io.portflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Help, version and usage mistakes: everything that happens before a capture is opened. */
class CommandLineTest {
  private static final String EXIT_CODES = """
      Exit codes:
        0   ok: every capture read to its end (warnings, if any, on stderr); also
              when the reader of the output went away, as head does
        1   runtime failure: a bug, too little memory (the line says how to give
              more), or an I/O error writing the output
        2   usage error, including a BPF filter libpcap rejects
        3   a capture or an interface cannot be opened: missing, unreadable, not a
              capture, a directory without captures, no such interface, interface
              down; nothing is printed
        4   a capture is damaged or cut short, or a live capture broke off: the flows
              read before are printed, then one line saying where
        5   permission denied for live capture: run with sudo, or grant the
              capabilities (README: capture without sudo)
        6   libpcap is needed (--filter, --reader libpcap, live capture) but not
              installed
      """;

  @Test
  void help_listsCommandsAndExitCodes() {
    Run run = Run.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: portflow [-hV] [COMMAND]\n"), run.out());
    assertTrue(run.out().contains("  analyze     Print the TCP flows"), run.out());
    assertTrue(run.out().contains("  watch       Watch the TCP flows on a live interface"), run.out());
    assertTrue(run.out().contains("  interfaces  List the interfaces libpcap can capture on"), run.out());
    assertTrue(run.out().contains(EXIT_CODES), run.out());
    assertEquals("", run.err());
  }

  @Test
  void analyzeHelp_listsEveryOptionAndExitCodes() {
    Run run = Run.of("analyze", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--format=FORMAT", "--sort=KEY", "--top=N", "--color=WHEN",
        "--reader=READER", "--filter=EXPR", "--transport=LIST", "--ephemeral-range=LO-HI", "--debug",
        "FILE..."}) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
    assertTrue(run.out().contains(EXIT_CODES), run.out());
    assertTrue(run.out().contains("Examples:\n  portflow analyze capture.pcapng\n"), run.out());
  }

  @Test
  void helpCommand_sameAsOption() {
    assertEquals(Run.of("analyze", "--help").out(), Run.of("help", "analyze").out());
  }

  @Test
  void version_nameAndRuntime() {
    Run run = Run.of("--version");
    assertEquals(0, run.exitCode());
    String[] lines = run.out().split("\n");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].matches("portflow (\\d+\\.\\d+\\.\\d+.*|\\(development build\\))"), lines[0]);
    assertTrue(lines[1].startsWith("Java " + Runtime.version().feature()), lines[1]);
  }

  @Test
  void noCommand_usageError() {
    Run run = Run.of();
    assertEquals(2, run.exitCode());
    assertEquals("portflow: missing command (expected: analyze, watch or interfaces)\n"
        + "Try 'portflow --help' for more information.\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownCommand_usageError() {
    Run run = Run.of("analyse", "x.pcap");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("portflow: Unmatched arguments from index 0: 'analyse', 'x.pcap'\n"), run.err());
    assertTrue(run.err().endsWith("Try 'portflow --help' for more information.\n"), run.err());
  }

  @Test
  void analyzeWithoutFiles_usageError() {
    assertUsageError("portflow: Missing required parameter: 'FILE'", "analyze");
  }

  @Test
  void unknownOption_usageError() {
    Run run = Run.of("analyze", "--fromat", "json", "x.pcap");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("portflow: Unknown option: '--fromat'\n"), run.err());
    assertTrue(run.err().endsWith("Try 'portflow analyze --help' for more information.\n"), run.err());
  }

  @Test
  void badFormat_namesTheValueAndTheChoices() {
    assertUsageError("portflow: Invalid value for option '--format': 'xml' "
        + "(expected one of: table, json, jsonl, csv)", "analyze", "--format", "xml", "x.pcap");
  }

  @Test
  void badSort() {
    assertUsageError("portflow: Invalid value for option '--sort': 'size' "
        + "(expected one of: start, bytes, packets, duration)", "analyze", "--sort", "size", "x.pcap");
  }

  @Test
  void badReaderAndColor() {
    assertUsageError("portflow: Invalid value for option '--reader': 'tshark' "
        + "(expected one of: portflow, libpcap)", "analyze", "--reader", "tshark", "x.pcap");
    assertUsageError("portflow: Invalid value for option '--color': 'yes' "
        + "(expected one of: auto, always, never)", "analyze", "--color", "yes", "x.pcap");
  }

  @Test
  void badTransport() {
    assertUsageError("portflow: Invalid value for option '--transport' (LIST): 'icmp' "
        + "(expected one of: tcp, udp)", "analyze", "--transport", "tcp,icmp", "x.pcap");
  }

  @Test
  void badTop() {
    assertUsageError("portflow: Invalid value for option '--top': '0' "
        + "(expected: a whole number of 1 or more)", "analyze", "--top", "0", "x.pcap");
    assertUsageError("portflow: Invalid value for option '--top': 'ten' "
        + "(expected: a whole number of 1 or more)", "analyze", "--top", "ten", "x.pcap");
  }

  @Test
  void badEphemeralRange() {
    assertUsageError("portflow: Invalid value for option '--ephemeral-range': '60000' "
        + "(expected: LO-HI, e.g. 32768-60999)", "analyze", "--ephemeral-range", "60000", "x.pcap");
    assertUsageError("portflow: Invalid value for option '--ephemeral-range': '60000-50000' "
        + "(expected: LO <= HI)", "analyze", "--ephemeral-range", "60000-50000", "x.pcap");
    assertUsageError("portflow: Invalid value for option '--ephemeral-range': '1-70000' "
        + "(expected: ports 0-65535, but was '70000')", "analyze", "--ephemeral-range", "1-70000", "x.pcap");
    assertUsageError("portflow: Invalid value for option '--ephemeral-range': '-1-5' "
        + "(expected: LO-HI, e.g. 32768-60999)", "analyze", "--ephemeral-range=-1-5", "x.pcap");
  }

  private static void assertUsageError(String message, String... args) {
    Run run = Run.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(message + "\nTry 'portflow analyze --help' for more information.\n", run.err());
    assertEquals("", run.out());
  }
}
