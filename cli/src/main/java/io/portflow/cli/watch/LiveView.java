package io.portflow.cli.watch;

import io.portflow.capture.live.LiveStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws the live view of {@code portflow watch}: a header, the busiest open flows, and a footer
 * with packet and drop counts, fitted to the terminal. Each frame moves the cursor home and
 * overwrites the previous one line by line, erasing what is left of each line and below, so
 * there is no flicker of a full clear. Pure: snapshot in, text out.
 */
public final class LiveView {
  /** Switch to the alternate screen and hide the cursor, as top does. */
  public static final String ENTER = "\033[?1049h\033[?25l";
  /** Show the cursor and return to the normal screen, where the final statistics go. */
  public static final String LEAVE = "\033[?25h\033[?1049l";

  private static final String HOME = "\033[H";
  private static final String ERASE_LINE_END = "\033[K";
  private static final String ERASE_BELOW = "\033[J";
  private static final String BOLD = "\033[1m";
  private static final String REVERSE = "\033[7m";
  private static final String RESET = "\033[0m";

  private static final Comparator<LiveRow> BUSIEST_FIRST =
      Comparator.comparingDouble((LiveRow r) -> -r.rate().total())
          .thenComparingLong(r -> -r.bytes())
          .thenComparingLong(LiveRow::flowId);

  private final int width;
  private final int height;
  private final boolean color;

  /**
   * @param width terminal columns (at least 40 are used)
   * @param height terminal rows (at least 4 are used)
   * @param color bold header and reverse-video column titles
   */
  public LiveView(int width, int height, boolean color) {
    this.width = Math.max(40, width);
    this.height = Math.max(4, height);
    this.color = color;
  }

  /** One frame, escape sequences included, ready to write and flush. */
  public String render(LiveSnapshot snapshot) {
    List<String> lines = lines(snapshot);
    StringBuilder sb = new StringBuilder(HOME);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (color && i == 0) line = BOLD + line + RESET;
      if (color && i == 1) line = REVERSE + line + RESET;
      sb.append(line).append(ERASE_LINE_END);
      if (i < lines.size() - 1) sb.append("\r\n");
    }
    return sb.append(ERASE_BELOW).toString();
  }

  /** The frame's lines without escape sequences, each at most {@code width} columns. */
  List<String> lines(LiveSnapshot s) {
    List<LiveRow> rows = new ArrayList<>(s.rows());
    rows.sort(BUSIEST_FIRST);
    int room = height - 3;
    boolean more = rows.size() > room;
    List<LiveRow> shown = rows.subList(0, more ? room - 1 : rows.size());

    RowLayout layout = RowLayout.fit(shown, width);
    List<String> lines = new ArrayList<>();
    lines.add(fit(header(s)));
    lines.add(fit(layout.titles()));
    for (LiveRow r : shown) lines.add(fit(layout.row(r)));
    if (more) lines.add(fit("  ... " + (rows.size() - shown.size()) + " more open flows"));
    lines.add(fit(footer(s.stats())));
    return lines;
  }

  private static String header(LiveSnapshot s) {
    StringBuilder sb = new StringBuilder("portflow watch ").append(s.interfaceName());
    if (s.filter() != null) sb.append("  filter \"").append(s.filter()).append('"');
    sb.append("  ").append(Units.elapsed(s.elapsedSeconds()))
        .append("  ").append(s.openFlows()).append(" open, ")
        .append(s.finishedFlows()).append(" finished  (Ctrl-C stops)");
    return sb.toString();
  }

  private static String footer(LiveStats st) {
    return "packets " + st.frames() + " (" + Units.bytes(st.bytes()) + ")  dropped: "
        + st.droppedByKernel() + " by the kernel, " + st.droppedByInterface() + " by the interface";
  }

  private String fit(String line) {
    return line.length() <= width ? line : line.substring(0, width - 1) + "~";
  }
}
