package io.portflow.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a {@code F.streams.csv} (format in the corpus README) into {@link TsharkStream}s. */
final class StreamsCsv {
  private StreamsCsv() {}

  static List<TsharkStream> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty (expected: a header line starting with 'stream,')");
    }
    Columns columns = new Columns(csv, lines.get(0).split(","));
    List<TsharkStream> streams = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        streams.add(columns.stream(lines.get(i).split(",", -1), i + 1));
      }
    }
    return streams;
  }

  /** Column positions by name, so that added columns do not break the reader. */
  private record Columns(Path csv, String[] names) {
    int index(String name) {
      int i = Arrays.asList(names).indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(csv + ": no column '" + name + "' in " + Arrays.toString(names));
      }
      return i;
    }

    TsharkStream stream(String[] cells, int line) {
      try {
        return new TsharkStream(
            Integer.parseInt(cells[index("stream")]),
            HostPort.of(cells[index("a_addr")], Integer.parseInt(cells[index("a_port")])),
            HostPort.of(cells[index("b_addr")], Integer.parseInt(cells[index("b_port")])),
            Long.parseLong(cells[index("pkts_a2b")]),
            Long.parseLong(cells[index("bytes_a2b")]),
            Long.parseLong(cells[index("pkts_b2a")]),
            Long.parseLong(cells[index("bytes_b2a")]),
            Integer.parseInt(cells[index("icmp_quoted_pkts")]),
            Integer.parseInt(cells[index("malformed_pkts")]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(csv + " line " + line + ": " + e.getMessage(), e);
      }
    }
  }
}
