package org.morgue.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One query of the benchmark's fixed mix.
 *
 * @param category {@code selective} (few matches), {@code broad} (a large share of the archive) or
 *     {@code browse} (the empty query: every article, with every facet)
 * @param kind what sort of query it is: term, phrase, actor, theme, boolean, date, browse
 * @param text the query in Morgue's syntax; empty for browse
 */
record BenchQuery(String category, String kind, String text) {
  static final String SELECTIVE = "selective";
  static final String BROAD = "broad";
  static final String BROWSE = "browse";
  static final Set<String> CATEGORIES = Set.of(SELECTIVE, BROAD, BROWSE);
  private static final String MIX = "queries.tsv";

  BenchQuery {
    if (!CATEGORIES.contains(category)) {
      throw new IllegalArgumentException("unknown query category '" + category + "'; use " + CATEGORIES);
    }
  }

  /** The shipped mix: {@code category TAB kind TAB query} lines. */
  static List<BenchQuery> mix() {
    try (InputStream in = BenchQuery.class.getResourceAsStream(MIX)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + MIX);
      }
      List<BenchQuery> queries = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != 3) {
          throw new IllegalStateException(MIX + ": expected category, kind and query separated by tabs: " + line);
        }
        queries.add(new BenchQuery(cells[0], cells[1], cells[2]));
      }
      return List.copyOf(queries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MIX, e);
    }
  }
}
