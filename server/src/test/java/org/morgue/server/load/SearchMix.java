package org.morgue.server.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The searches the clients send: a fixed list of what readers of the archive ask (single words,
 * phrases, fielded {@code actor:} and {@code theme:} queries, date ranges, facet filters, sorts,
 * wildcards), every one with facets, timeline and highlighted snippets in its answer. Each client
 * draws from the list with its own seeded random, so a run is repeatable.
 */
final class SearchMix {
  /** Each entry a query string for {@code /api/search}, values not yet URL-encoded. */
  private static final List<List<String>> SEARCHES = List.of(
      List.of("q", "Congress"),
      List.of("q", "Venezuela"),
      List.of("q", "freedom", "size", "10"),
      List.of("q", "tariff", "sort", "oldest"),
      List.of("q", "railroad"),
      List.of("q", "police", "year", "1961"),
      List.of("q", "\"four essential human freedoms\""),
      List.of("q", "\"public debt\"", "sort", "newest"),
      List.of("q", "\"foreign relations\"", "facetLimit", "25"),
      List.of("q", "actor:\"Harry S. Truman\""),
      List.of("q", "actor:\"Tren de Aragua\""),
      List.of("q", "theme:Trade", "interval", "year"),
      List.of("q", "theme:\"Military force\" AND war"),
      List.of("q", "author:lincoln AND published:[1861 TO 1865]"),
      List.of("q", "tax AND published:[1900 TO 1950]"),
      List.of("q", "war", "from", "1940-01-01", "to", "1945-12-31"),
      List.of("q", "Congress", "source", "State of the Union", "sort", "newest"),
      List.of("hedging", "high", "sort", "newest"),
      List.of("q", "Venezuela", "actor", "Tren de Aragua", "size", "1"),
      List.of("q", "econom*", "actorType", "government"),
      List.of("q", "blockade~1"),
      List.of("actorType", "group", "size", "50"),
      List.of("source", "Brown Corpus (1961)", "sort", "most-hedged"),
      List.of("q", "treasury OR bank", "theme", "Economy", "facetPrefix.actor", "Tr"));

  /** How many searches there are; {@link #search(int)} takes 0 to this minus one. */
  int size() {
    return SEARCHES.size();
  }

  /** One search of the mix, as path and query string. */
  String search(int index) {
    List<String> pairs = SEARCHES.get(index);
    StringBuilder query = new StringBuilder("/api/search?");
    for (int i = 0; i < pairs.size(); i += 2) {
      if (i > 0) {
        query.append('&');
      }
      query.append(pairs.get(i)).append('=').append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /** A search drawn at random from the mix. */
  String next(Random random) {
    return search(random.nextInt(SEARCHES.size()));
  }
}
