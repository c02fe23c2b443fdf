package io.portflow.analyze.port;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

  /** Parses the table format: {@code port<TAB>tcp-name<TAB>udp-name}, '#' comment lines. */
  static ServiceNames parse(BufferedReader reader) throws IOException {
    String[] tcp = new String[PORTS];
    String[] udp = new String[PORTS];
    Map<String, String> interned = new HashMap<>();
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 3) {
        throw new IOException(RESOURCE + " line " + lineNumber + ": " + fields.length
            + " fields (expected: 3, port<TAB>tcp-name<TAB>udp-name)");
      }
      int port = parsePort(fields[0], lineNumber);
      String tcpName = fields[1].equals(NONE) ? null : interned.computeIfAbsent(fields[1], k -> k);
      tcp[port] = tcpName;
      udp[port] = fields[2].equals(SAME_AS_TCP) ? tcpName
          : fields[2].equals(NONE) ? null : interned.computeIfAbsent(fields[2], k -> k);
    }
    return new ServiceNames(tcp, udp);
  }

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
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
