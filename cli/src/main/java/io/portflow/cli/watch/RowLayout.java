package io.portflow.cli.watch;

import io.portflow.cli.output.FlowProcesses;
import java.util.List;

/**
 * Column widths of the live view's flow table for one frame. Wide terminals get every column;
 * narrow ones (under {@value #WIDE} columns) drop the service and show one combined rate. Address
 * columns are as wide as their longest entry within limits, once the process column has room for
 * "command/pid (user)" of usual length ({@value #PROCESS_FIRST}); the process takes what is left.
 */
final class RowLayout {
  static final int WIDE = 110;
  private static final int MIN_ADDRESS = 15;
  private static final int MAX_ADDRESS = 47; // [IPv6]:port at full length
  private static final int PROCESS_FIRST = 16;
  private static final int SERVICE = 10;
  private static final int STATE = 5;
  private static final int PACKETS = 7;
  private static final int BYTES = 8;
  private static final int RATE = 10;

  private final boolean wide;
  private final int address;
  private final int process;

  private RowLayout(boolean wide, int address, int process) {
    this.wide = wide;
    this.address = address;
    this.process = process;
  }

  static RowLayout fit(List<LiveRow> rows, int width) {
    boolean wide = width >= WIDE;
    int fixed = wide
        ? SERVICE + STATE + PACKETS + BYTES + 2 * RATE + 9
        : STATE + BYTES + RATE + 6;
    int longestAddress = MIN_ADDRESS;
    int longestProcess = 0;
    for (LiveRow r : rows) {
      longestAddress = Math.max(longestAddress, Math.max(r.client().length(), r.server().length()));
      longestProcess = Math.max(longestProcess, processText(r.processes()).length());
    }
    int forAddresses = width - fixed - Math.min(longestProcess, PROCESS_FIRST);
    int address = Math.max(MIN_ADDRESS, Math.min(Math.min(longestAddress, MAX_ADDRESS), forAddresses / 2));
    return new RowLayout(wide, address, Math.max(0, width - fixed - 2 * address));
  }

  String titles() {
    if (!wide) return line("CLIENT", "SERVER", "", "STATE", "", "BYTES", "", "RATE", "PROCESS");
    return line("CLIENT", "SERVER", "SERVICE", "STATE", "PKTS", "BYTES", "C->S/s", "S->C/s", "PROCESS");
  }

  String row(LiveRow r) {
    String client = elide(r.client(), address);
    String server = elide(r.server(), address);
    String state = r.state() == null ? "-" : r.state();
    String who = elide(processText(r.processes()), process);
    if (!wide) {
      return line(client, server, "", state, "", Units.bytes(r.bytes()), "", Units.rate(r.rate().total()), who);
    }
    return line(client, server, r.service() == null ? "-" : elide(r.service(), SERVICE), state,
        Units.count(r.packets()), Units.bytes(r.bytes()),
        Units.rate(r.rate().clientToServer()), Units.rate(r.rate().serverToClient()), who);
  }

  /** "curl/4242 -> nginx/812 (www-data)", "nginx/812 (www-data)", or "" when none is known. */
  static String processText(FlowProcesses p) {
    if (p.client() != null && p.server() != null) {
      return p.client().command() + "/" + p.client().pid() + " -> " + p.server();
    }
    if (p.server() != null) return p.server().toString();
    if (p.client() != null) return p.client().toString();
    return "";
  }

  private String line(String client, String server, String service, String state, String packets, String bytes,
      String up, String down, String process) {
    StringBuilder sb = new StringBuilder();
    sb.append(padRight(client, address)).append(' ').append(padRight(server, address)).append(' ');
    if (wide) sb.append(padRight(service, SERVICE)).append(' ');
    sb.append(padRight(state, STATE)).append(' ');
    if (wide) sb.append(padLeft(packets, PACKETS)).append(' ');
    sb.append(padLeft(bytes, BYTES)).append(' ');
    if (wide) sb.append(padLeft(up, RATE)).append(' ');
    sb.append(padLeft(down, RATE)).append("  ").append(process);
    return sb.toString().stripTrailing();
  }

  /** Cuts the middle out of a long value: an address keeps its start and its port. */
  static String elide(String value, int width) {
    if (value.length() <= width) return value;
    if (width < 4) return value.substring(0, Math.max(0, width));
    int tail = (width - 1) / 2;
    int head = width - 1 - tail;
    return value.substring(0, head) + "~" + value.substring(value.length() - tail);
  }

  private static String padRight(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) sb.append(' ');
    return sb.toString();
  }

  private static String padLeft(String s, int width) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() + s.length() < width) sb.append(' ');
    return sb.append(s).toString();
  }
}
