package io.portflow.analyze.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * IANA service names by port and transport ({@code 80/tcp} is {@code http}), loaded once from
 * {@code service-names.tsv}, which {@code scripts/generate-service-names} writes from the IANA
 * registry. Where the registry names a port several times, the first assignment wins.
 */
public final class ServiceNames {
  static final String RESOURCE = "service-names.tsv";
  private static final int PORTS = 0x10000;
  private static final String NONE = "-";
  private static final String SAME_AS_TCP = "=";

  private final String[] tcp;
  private final String[] udp;

  private ServiceNames(String[] tcp, String[] udp) {
    this.tcp = tcp;
    this.udp = udp;
  }

  /** The registry shipped with portflow. */
  public static ServiceNames iana() {
    return Holder.IANA;
  }

  /** Service name of a TCP port, or null when the registry has none. */
  public String tcp(int port) {
    return tcp[checkPort(port)];
  }

  /** Service name of a UDP port, or null when the registry has none. */
  public String udp(int port) {
    return udp[checkPort(port)];
  }

  private static int checkPort(int port) {
    if (port < 0 || port >= PORTS) {
      throw new IllegalArgumentException("invalid port: " + port + " (expected: 0 ~ 65535)");
    }
    return port;
  }

  /**
   * Parses the table format: {@code port<TAB>tcp-name<TAB>udp-name}, '#' comment lines, UTF-8,
   * lines ending in LF, CR or CRLF. Works on the bytes with one loop rather than line by line
   * with readers and {@code split}: it runs at every start, mostly in the interpreter, and so
   * took a tenth of a small analysis's CPU.
   */
  static ServiceNames parse(byte[] table) throws IOException {
    String[] tcp = new String[PORTS];
    String[] udp = new String[PORTS];
    Map<String, String> interned = new HashMap<>();
    int lineNumber = 0;
    int start = 0;
    while (start < table.length) {
      int end = start;
      while (end < table.length && table[end] != '\n' && table[end] != '\r') {
        end++;
      }
      lineNumber++;
      if (end > start && table[start] != '#') {
        parseLine(table, start, end, lineNumber, tcp, udp, interned);
      }
      start = end + (end + 1 < table.length && table[end] == '\r' && table[end + 1] == '\n' ? 2 : 1);
    }
    return new ServiceNames(tcp, udp);
  }

  private static void parseLine(byte[] table, int start, int end, int lineNumber, String[] tcp, String[] udp,
      Map<String, String> interned) throws IOException {
    int tab1 = indexOfTab(table, start, end);
    int tab2 = tab1 < 0 ? -1 : indexOfTab(table, tab1 + 1, end);
    if (tab2 < 0 || indexOfTab(table, tab2 + 1, end) >= 0) {
      throw new IOException(RESOURCE + " line " + lineNumber + ": " + fields(table, start, end)
          + " fields (expected: 3, port<TAB>tcp-name<TAB>udp-name)");
    }
    int port = parsePort(table, start, tab1, lineNumber);
    String tcpName = name(table, tab1 + 1, tab2, interned);
    tcp[port] = tcpName;
    udp[port] = is(table, tab2 + 1, end, SAME_AS_TCP) ? tcpName : name(table, tab2 + 1, end, interned);
  }

  private static int indexOfTab(byte[] table, int from, int end) {
    for (int i = from; i < end; i++) {
      if (table[i] == '\t') {
        return i;
      }
    }
    return -1;
  }

  private static int fields(byte[] table, int start, int end) {
    int fields = 1;
    for (int i = start; i < end; i++) {
      fields += table[i] == '\t' ? 1 : 0;
    }
    return fields;
  }

  /** Whether bytes {@code [from, to)} are the one-character marker {@code mark}. */
  private static boolean is(byte[] table, int from, int to, String mark) {
    return to - from == 1 && table[from] == mark.charAt(0);
  }

  /** The name in bytes {@code [from, to)}, one String per distinct name; null for {@code -}. */
  private static String name(byte[] table, int from, int to, Map<String, String> interned) {
    if (is(table, from, to, NONE)) {
      return null;
    }
    String name = new String(table, from, to - from, StandardCharsets.UTF_8);
    String known = interned.putIfAbsent(name, name);
    return known == null ? name : known;
  }

  private static int parsePort(byte[] table, int from, int to, int lineNumber) throws IOException {
    int port = 0;
    for (int i = from; i < to && port < PORTS; i++) {
      int digit = table[i] - '0';
      if (digit < 0 || digit > 9) {
        return parsePort(new String(table, from, to - from, StandardCharsets.UTF_8), lineNumber);
      }
      port = port * 10 + digit;
    }
    if (to > from && port < PORTS) {
      return port;
    }
    return parsePort(new String(table, from, to - from, StandardCharsets.UTF_8), lineNumber);
  }

  /** The rare forms ({@code +80}) and the error, as {@link Integer#parseInt} reads them. */
  private static int parsePort(String text, int lineNumber) throws IOException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port < PORTS) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(
        RESOURCE + " line " + lineNumber + ": invalid port: " + text + " (expected: 0 ~ 65535)");
  }

  /** Loads the resource on first use; a missing or broken resource is a packaging defect. */
  private static final class Holder {
    static final ServiceNames IANA = load();

    private static ServiceNames load() {
      try (InputStream in = ServiceNames.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource missing from the classpath: "
              + ServiceNames.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
        }
        return parse(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
