package io.portflow.cli.output.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Rows of cells printed in aligned columns, two spaces apart, no trailing blanks. */
final class TextTable {
  /** One column: its heading and which side its cells line up on. */
  record Column(String header, boolean rightAligned) {
    static Column left(String header) {
      return new Column(header, false);
    }

    static Column right(String header) {
      return new Column(header, true);
    }
  }

  /** One cell: plain text (its width is what aligns) and how to colour it. */
  record Cell(String text, Style style) {
    static Cell of(String text) {
      return new Cell(text, Style.PLAIN);
    }
  }

  private static final String GAP = "  ";

  private final List<Column> columns;
  private final List<Cell[]> rows = new ArrayList<>();

  TextTable(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  void add(Cell... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells (expected: " + columns.size() + ")");
    }
    rows.add(cells);
  }

  void print(Appendable out, boolean color) throws IOException {
    int[] widths = widths();
    Cell[] header = new Cell[columns.size()];
    for (int c = 0; c < header.length; c++) {
      header[c] = new Cell(columns.get(c).header(), Style.BOLD);
    }
    line(out, header, widths, color);
    for (Cell[] row : rows) {
      line(out, row, widths, color);
    }
  }

  /** The longest line's length, colour aside. */
  int width() {
    int[] widths = widths();
    int total = 0;
    int visible = 0;
    for (int w : widths) {
      total += w;
      visible += w > 0 ? 1 : 0;
    }
    return total + Math.max(0, visible - 1) * GAP.length();
  }

  private int[] widths() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).header().length();
    }
    for (Cell[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].text().length());
      }
    }
    return widths;
  }

  private void line(Appendable out, Cell[] cells, int[] widths, boolean color) throws IOException {
    StringBuilder line = new StringBuilder(128);
    int pending = 0; // blanks owed before the next text, dropped at the end of the line
    boolean first = true;
    for (int c = 0; c < cells.length; c++) {
      if (widths[c] == 0) {
        continue;
      }
      if (!first) {
        pending += GAP.length();
      }
      first = false;
      String text = cells[c].text();
      int pad = widths[c] - text.length();
      if (columns.get(c).rightAligned()) {
        pending += pad;
        pad = 0;
      }
      if (!text.isEmpty()) {
        line.append(" ".repeat(pending)).append(cells[c].style().apply(text, color));
        pending = 0;
      }
      pending += pad;
    }
    out.append(line).append('\n');
  }
}
