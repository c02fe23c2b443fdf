package io.portflow.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reviewed list of differences from tshark that portflow makes on purpose
 * (known-differences.tsv: file, stream, reason; {@code #} starts a comment line). A listed
 * difference that no longer occurs is an error too, so the list cannot rot.
 */
final class KnownDifferences {
  private final Path source;
  private final List<KnownDifference> rows;

  private KnownDifferences(Path source, List<KnownDifference> rows) {
    this.source = source;
    this.rows = rows;
  }

  static KnownDifferences load(Path tsv) throws IOException {
    List<KnownDifference> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 3 || cells[2].isBlank()) {
        throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": " + cells.length
            + " column(s) (expected: file, stream, reason, separated by tabs, reason not empty)");
      }
      rows.add(new KnownDifference(cells[0], cells[1], cells[2], i + 1));
    }
    return new KnownDifferences(tsv, rows);
  }

  Path source() {
    return source;
  }

  List<KnownDifference> all() {
    return rows;
  }

  List<KnownDifference> forFile(String file) {
    return rows.stream().filter(row -> row.file().equals(file)).toList();
  }

  /**
   * What is wrong with {@code found} given this list: each difference no row covers, and each row
   * of this file that covers no difference.
   */
  List<String> problems(String file, List<Difference> found) {
    List<KnownDifference> listed = forFile(file);
    List<String> problems = new ArrayList<>();
    for (Difference difference : found) {
      if (listed.stream().noneMatch(row -> row.covers(difference))) {
        problems.add("new difference: " + difference.text() + "\n    (if on purpose, add to "
            + source.getFileName() + ": " + file + "\\t" + difference.stream() + "\\t<reason>)");
      }
    }
    for (KnownDifference row : listed) {
      if (found.stream().noneMatch(row::covers)) {
        problems.add("no longer differs: " + source.getFileName() + " line " + row.line() + " ("
            + row.stream() + ": " + row.reason() + "): remove the row");
      }
    }
    return problems;
  }
}
