package org.morgue.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tables of one benchmark run, in the order they were measured. */
final class BenchReport {
  private final List<ReportTable> tables = new ArrayList<>();

  void add(ReportTable table) {
    tables.add(table);
  }

  void addAll(BenchReport other) {
    tables.addAll(other.tables);
  }

  List<ReportTable> tables() {
    return List.copyOf(tables);
  }

  Optional<ReportTable> table(String title) {
    return tables.stream().filter(table -> table.title().equals(title)).findFirst();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    tables.forEach(table -> out.append(table.markdown()));
    return out.toString();
  }
}
