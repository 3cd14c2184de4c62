package org.morgue.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One table of figures in a benchmark report, rendered as Markdown. */
final class ReportTable {
  private final String title;
  private final String note;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  ReportTable(String title, String note, String... header) {
    this.title = title;
    this.note = note;
    this.header = List.of(header);
  }

  /** A table comparing measured figures against the targets. */
  static ReportTable targets(String title) {
    return new ReportTable(title, "", "target", "measured", "limit", "met");
  }

  /** Adds a row; it must have one cell per column. */
  ReportTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("table '" + title + "' has " + header.size() + " columns, not "
          + cells.length + ": " + List.of(cells));
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Adds a target row: {@code measured} must not exceed {@code limit} (or reach it, when {@code atLeast}). */
  ReportTable target(String what, double measured, double limit, String unit, boolean atLeast) {
    boolean met = atLeast ? measured >= limit : measured <= limit;
    String space = unit.equals("x") ? "" : " "; // a ratio reads 0.50x
    return row(what, number(measured) + space + unit, (atLeast ? ">= " : "<= ") + number(limit) + space + unit,
        met ? "yes" : "**no**");
  }

  String title() {
    return title;
  }

  List<String> header() {
    return header;
  }

  List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** The first cells of the rows: what each row measures. */
  List<String> rowNames() {
    return rows.stream().map(List::getFirst).toList();
  }

  String markdown() {
    StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
    if (!note.isEmpty()) {
      out.append(note).append("\n\n");
    }
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(column -> out.append(" --- |"));
    out.append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.append('\n').toString();
  }

  /** A figure with three significant digits at most, and never in exponent notation. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a figure: " + value);
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

  /** A ratio such as {@code 0.42x}. */
  static String ratio(double value) {
    return number(value) + "x";
  }

  static String megabytes(long bytes) {
    return number(bytes / 1e6) + " MB";
  }
}
