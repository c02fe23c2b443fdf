package io.portflow.analyze.zeek;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Zeek conn.log as btest keeps it: the full ASCII log ({@code #fields} header, {@code -} for
 * unset) or zeek-cut output (one line of column names). Column names that logging tests renamed
 * ({@code src}, {@code id_orig_h}, ...) are mapped back to Zeek's.
 */
record ConnLog(List<Row> rows, boolean hasTuple, boolean hasProto, boolean hasConnState) {
  private static final Map<String, String> ALIASES = Map.of(
      "src", "id.orig_h", "src_ip", "id.orig_h", "id_orig_h", "id.orig_h",
      "src_port", "id.orig_p", "id_orig_p", "id.orig_p",
      "dst", "id.resp_h", "dst_ip", "id.resp_h", "id_resp_h", "id.resp_h",
      "dst_port", "id.resp_p", "id_resp_p", "id.resp_p");

  /** One connection as Zeek logged it (addresses as written); fields absent from the log are null. */
  record Row(String proto, String origHost, int origPort, String respHost, int respPort,
      String connState, String history) {}

  /**
   * @param inferredProtos each row's transport when the log has no proto column (from the
   *     corpus's inference, PAIRS.tsv), else null
   */
  static ConnLog read(Path file, List<String> inferredProtos) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> columns = null;
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("###") || line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#fields\t")) {
        columns = normalise(line.substring("#fields\t".length()).split("\t"));
      } else if (line.startsWith("#")) {
        continue;
      } else if (columns == null) {
        columns = normalise(line.split("\t")); // zeek-cut -m header
      } else {
        Row row = row(columns, line.split("\t", -1));
        if (row.proto() == null && inferredProtos != null) {
          row = new Row(inferredProtos.get(rows.size()), row.origHost(), row.origPort(),
              row.respHost(), row.respPort(), row.connState(), row.history());
        }
        rows.add(row);
      }
    }
    if (columns == null) {
      throw new IOException(file + ": no column names");
    }
    return new ConnLog(rows, columns.contains("id.orig_p"),
        columns.contains("proto") || inferredProtos != null, columns.contains("conn_state"));
  }

  private static List<String> normalise(String[] names) {
    return Arrays.stream(names).map(n -> ALIASES.getOrDefault(n, n)).toList();
  }

  private static Row row(List<String> columns, String[] values) {
    return new Row(
        value(columns, values, "proto"),
        value(columns, values, "id.orig_h"),
        port(value(columns, values, "id.orig_p")),
        value(columns, values, "id.resp_h"),
        port(value(columns, values, "id.resp_p")),
        value(columns, values, "conn_state"),
        value(columns, values, "history"));
  }

  private static String value(List<String> columns, String[] values, String name) {
    int i = columns.indexOf(name);
    if (i < 0 || i >= values.length) {
      return null;
    }
    return values[i].equals("-") ? "" : values[i];
  }

  private static int port(String text) {
    return text == null ? -1 : Integer.parseInt(text);
  }
}
