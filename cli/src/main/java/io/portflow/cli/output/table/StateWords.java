package io.portflow.cli.output.table;

import java.util.List;

/**
 * Zeek's {@code conn_state} codes in words for the table (at most 13 characters, so that rows stay
 * near 100 columns), and the legend {@code analyze --help}
 * prints: what each word means, which code it stands for (json, jsonl and csv carry the code),
 * and what the history letters say.
 */
public final class StateWords {
  /** One state: Zeek's code, the table's word, what it means. */
  public record State(String code, String word, String meaning) {}

  public static final List<State> TCP = List.of(
      new State("SF", "closed", "opened and closed normally"),
      new State("S1", "open", "opened, still open at the end (or idle timeout)"),
      new State("S0", "no reply", "the client's SYN got no answer"),
      new State("REJ", "refused", "the server answered the SYN with a RST"),
      new State("RSTO", "client reset", "opened, then the client sent a RST"),
      new State("RSTR", "server reset", "opened, then the server sent a RST"),
      new State("S2", "client closed", "opened; the client sent a FIN, the server never did"),
      new State("S3", "server closed", "opened; the server sent a FIN, the client never did"),
      new State("RSTOS0", "gave up", "the client sent a SYN, then a RST; no SYN+ACK"),
      new State("SH", "half-open", "the client sent a SYN, then a FIN; no SYN+ACK"),
      new State("RSTRH", "RST, no SYN", "the server sent a SYN+ACK, then a RST; no SYN seen"),
      new State("SHR", "FIN, no SYN", "the server sent a SYN+ACK, then a FIN; no SYN seen"),
      new State("OTH", "mid-stream", "no SYN seen: the capture began inside the connection"));

  public static final List<State> UDP = List.of(
      new State("SF", "two-way", "both ends sent datagrams"),
      new State("S0", "no reply", "only the client sent"),
      new State("SHR", "reply only", "only the server sent"));

  /** The history letters, after a heading line: upper case for the client, lower for the server. */
  public static final List<String> HISTORY = List.of(
      "S SYN  H SYN+ACK  A pure ACK  D data  F FIN  R RST  I FIN+RST  Q SYN+FIN/RST",
      "C bad checksum  G content gap  T retransmitted data  W zero window",
      "^ client and server are the other way round from the first packet's",
      "A, D, I and Q once per side; S, H, F and R again for a new sequence number;",
      "C, G, T and W at the 1st, 10th, 100th ... event. UDP: D, d once per side.");

  private StateWords() {}

  /** The word for {@code connState} of a {@code transport} flow; the code itself when unknown. */
  public static String of(String transport, String connState) {
    for (State state : "udp".equals(transport) ? UDP : TCP) {
      if (state.code().equals(connState)) {
        return state.word();
      }
    }
    return connState;
  }

  /** The legend for {@code --help}: every word with its code and meaning, then the letters. */
  public static List<String> legend() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("The state column words Zeek's conn_state (json, jsonl and csv carry the code):");
    for (State s : TCP) {
      lines.add(String.format("  %-16s %-7s %s", s.word(), s.code(), s.meaning()));
    }
    lines.add("UDP flows (--transport udp):");
    for (State s : UDP) {
      lines.add(String.format("  %-16s %-7s %s", s.word(), s.code(), s.meaning()));
    }
    lines.add("After the word, Zeek's history: a letter per event, upper case from the client,");
    lines.add("lower case from the server:");
    for (String line : HISTORY) {
      lines.add("  " + line);
    }
    return lines;
  }
}
