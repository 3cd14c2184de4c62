package org.morgue.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total the exact number of matching articles
 * @param tookMillis how long the search took
 * @param hits the first page of matches
 * @param facets for every facet dimension, its top values with counts; each dimension's counts
 *     ignore that dimension's own filter (drill-sideways), like checkbox facets
 */
public record SearchResult(long total, long tookMillis, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
