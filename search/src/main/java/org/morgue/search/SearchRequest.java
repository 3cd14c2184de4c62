package org.morgue.search;

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
 * @param cursor where the page starts: the {@link SearchResult#nextCursor()} of the page before; empty
 *     for the first page
 * @param interval the timeline's bucket size; empty to choose one from the span of the matches
 * @param facetPrefixes facet dimension to the text its listed values must start with (case-insensitive)
 * @param facetOrder how each facet's listed values are ranked
 * @param grouping whether hits are stories (one per story, the default) or articles; totals, facets
 *     and the timeline count articles either way, and {@link SearchResult#stories()} counts stories
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    SortOrder sort,
    int size,
    int facetLimit,
    Optional<String> cursor,
    Optional<TimelineInterval> interval,
    Map<String, String> facetPrefixes,
    FacetOrder facetOrder,
    Grouping grouping) {
  /** The largest page a request may ask for. */
  public static final int MAX_SIZE = 100;
  /** The most facet values a request may ask for per facet. */
  public static final int MAX_FACET_LIMIT = 1000;

  public SearchRequest {
    filters = Map.copyOf(filters);
    facetPrefixes = Map.copyOf(facetPrefixes);
  }

  /** Hits grouped by story. */
  public SearchRequest(
      String query,
      Map<String, List<String>> filters,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      SortOrder sort,
      int size,
      int facetLimit,
      Optional<String> cursor,
      Optional<TimelineInterval> interval,
      Map<String, String> facetPrefixes,
      FacetOrder facetOrder) {
    this(query, filters, from, to, sort, size, facetLimit, cursor, interval, facetPrefixes, facetOrder, Grouping.STORIES);
  }

  /** Facet values ranked by count, hits grouped by story. */
  public SearchRequest(
      String query,
      Map<String, List<String>> filters,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      SortOrder sort,
      int size,
      int facetLimit,
      Optional<String> cursor,
      Optional<TimelineInterval> interval,
      Map<String, String> facetPrefixes) {
    this(query, filters, from, to, sort, size, facetLimit, cursor, interval, facetPrefixes, FacetOrder.COUNT);
  }

  /** A first page with an automatic timeline and no facet prefixes. */
  public SearchRequest(
      String query,
      Map<String, List<String>> filters,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      SortOrder sort,
      int size,
      int facetLimit) {
    this(query, filters, from, to, sort, size, facetLimit, Optional.empty(), Optional.empty(), Map.of());
  }

  /** A request for a query with no filters, sorted by relevance, ten hits. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, 10, 10);
  }

  /** The same request, starting after the hit a cursor points at. */
  public SearchRequest withCursor(String nextCursor) {
    return new SearchRequest(query, filters, from, to, sort, size, facetLimit, Optional.of(nextCursor), interval,
        facetPrefixes, facetOrder, grouping);
  }

  /** The same request with other filter values. */
  public SearchRequest withFilters(Map<String, List<String>> newFilters) {
    return new SearchRequest(query, newFilters, from, to, sort, size, facetLimit, cursor, interval, facetPrefixes,
        facetOrder, grouping);
  }

  /** The same request, its facet values ranked in another order. */
  public SearchRequest withFacetOrder(FacetOrder order) {
    return new SearchRequest(query, filters, from, to, sort, size, facetLimit, cursor, interval, facetPrefixes, order,
        grouping);
  }

  /** The same request, its hits stories or articles. */
  public SearchRequest withGrouping(Grouping newGrouping) {
    return new SearchRequest(query, filters, from, to, sort, size, facetLimit, cursor, interval, facetPrefixes,
        facetOrder, newGrouping);
  }
}
