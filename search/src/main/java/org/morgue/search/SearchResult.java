package org.morgue.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total the exact number of matching articles, however many there are (articles, not
 *     stories, whatever the request's grouping)
 * @param tookMillis how long the search took
 * @param hits this page of matches
 * @param facets for every facet dimension, its top values with counts; each dimension's counts
 *     ignore that dimension's own filter (drill-sideways), like checkbox facets
 * @param nextCursor the cursor of the next page; empty when this page holds the last match
 * @param timeline the matches (under every filter) per publication period
 * @param interpretation how the query was searched when it could not be read as written; empty when
 *     it ran as typed
 * @param suggestion for a query with few or no hits, the query with its misspelled words corrected
 *     ("Venezeula" to "Venezuela"), when that finds more; empty otherwise
 * @param stories the exact number of distinct stories among the matching articles (at most {@link
 *     #total}); with hits grouped by story, the number of hits all pages hold together
 * @param partlyInRange the articles that would match but for the request's dates holding only part of
 *     theirs: dated to a month or year that runs past {@code from} or {@code to} (a clipping dated
 *     1961, for January to June 1961), left out of {@link #total}; 0 without dates
 */
public record SearchResult(
    long total,
    long tookMillis,
    List<SearchHit> hits,
    Map<String, List<FacetCount>> facets,
    Optional<String> nextCursor,
    Timeline timeline,
    java.util.Optional<QueryInterpretation> interpretation,
    Optional<String> suggestion,
    long stories,
    long partlyInRange) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
