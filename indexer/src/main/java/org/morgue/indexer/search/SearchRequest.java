package org.morgue.indexer.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to search for.
 *
 * @param query the query in Lucene syntax; blank matches every article
 * @param filters facet dimension to the values to keep: OR within a dimension, AND across them
 * @param from earliest publication date to keep, inclusive
 * @param to latest publication date to keep, inclusive
 * @param sort how to order hits
 * @param size how many hits to return
 * @param facetLimit how many values to return per facet
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    SortOrder sort,
    int size,
    int facetLimit) {
  /** The largest page a request may ask for. */
  public static final int MAX_SIZE = 100;
  /** The most facet values a request may ask for per facet. */
  public static final int MAX_FACET_LIMIT = 1000;

  public SearchRequest {
    filters = Map.copyOf(filters);
  }

  /** A request for a query with no filters, sorted by relevance, ten hits. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, 10, 10);
  }
}
