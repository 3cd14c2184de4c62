package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.search.PublishedWithin;
import org.morgue.engine.lucene.search.RequestQuery;
import org.morgue.engine.lucene.search.SearchCursor;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * A request's query, dates, filters and sort as query DSL, checked exactly as the embedded engine
 * checks them (it is the same {@link RequestQuery}), so a request one engine refuses the other
 * refuses with the same message.
 *
 * <p>Invariants: the text and the dates make the query; each facet filter is a {@code terms} query on
 * the facet's keywords (OR within a facet, AND across facets), kept apart so a search can count each
 * facet sideways; the sort ends in the id, so search-after never skips or repeats a hit, and ranks by
 * score, as the embedded engine's does, so both engines order ties alike; cursors are the embedded
 * engine's, carrying the same sort values.
 *
 * @param parsed the checked request, as the embedded engine reads it
 * @param text the text alone: what snippets mark
 * @param dated the text with the date range
 * @param filters each filtered facet's query, by facet
 * @param sort the request's order, then the score, then the id
 */
record RequestDsl(SearchRequest request, RequestQuery parsed, ObjectNode text, ObjectNode dated,
    Map<String, ObjectNode> filters, ArrayNode sort) {

  /**
   * The cluster's {@code preference} for this request's searches: the same for every page of one
   * search and every call of it, so they read the same shard copies and so the same scores; different
   * for different searches, so the load still spreads over a shard's copies.
   */
  String preference() {
    return "search:" + Integer.toHexString(java.util.Objects.hash(dated.toString(), new java.util.TreeMap<>(filters).toString(),
        sort.toString()));
  }

  static RequestDsl of(SearchRequest request) throws InvalidQueryException {
    RequestQuery parsed = RequestQuery.of(request);
    checkClauses(parsed.query());
    ObjectNode text = QueryTranslator.translate(parsed.query());
    ObjectNode dated = text;
    if (request.from().isPresent() || request.to().isPresent()) {
      dated = ClusterConnection.object();
      ObjectNode bool = dated.putObject("bool");
      bool.putArray("must").add(text);
      bool.putArray("filter").add(QueryTranslator.translate(PublishedWithin.days(request).orElseThrow()));
    }
    Map<String, ObjectNode> filters = new LinkedHashMap<>();
    request.filters().forEach((dim, values) -> {
      ObjectNode terms = ClusterConnection.object();
      ArrayNode list = terms.putObject("terms").putArray(ArticleDocument.facetField(dim));
      values.forEach(value -> list.add(ArchiveSchema.canonical(value)));
      filters.put(dim, terms);
    });
    return new RequestDsl(request, parsed, text, dated, filters, sort(request.sort()));
  }

  /**
   * Refuses a query with more leaf clauses than Lucene allows, with the embedded engine's message:
   * the embedded engine finds out while searching, a cluster would answer with its own error.
   */
  private static void checkClauses(org.apache.lucene.search.Query query) throws InvalidQueryException {
    int[] leaves = new int[1];
    query.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public void consumeTerms(org.apache.lucene.search.Query leaf, org.apache.lucene.index.Term... terms) {
        leaves[0] += terms.length;
      }

      @Override
      public void visitLeaf(org.apache.lucene.search.Query leaf) {
        leaves[0]++;
      }

      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
          org.apache.lucene.search.Query parent) {
        return this;
      }
    });
    int max = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
    if (leaves[0] > max) {
      throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX,
          org.morgue.search.RequestField.QUERY, "the query has too many clauses (more than " + max + ")");
    }
  }

  /** Exactly the matches: the dated text under every filter. */
  ObjectNode matches() {
    return filters.isEmpty() ? dated : withFilters(dated, filtersBut(null));
  }

  /** Every filter but the one on {@code dim} (null for all of them): what counts {@code dim} sideways. */
  List<ObjectNode> filtersBut(String dim) {
    return filters.entrySet().stream().filter(e -> !e.getKey().equals(dim)).map(Map.Entry::getValue).toList();
  }

  /**
   * The text under every filter, over the articles the request's dates hold only part of (dated to a
   * month or year that runs past them; {@link PublishedWithin#partlyWithin}); empty without dates.
   */
  Optional<ObjectNode> partlyWithinDates() {
    Optional<Query> partly = PublishedWithin.partlyWithin(request);
    if (partly.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode query = ClusterConnection.object();
    ObjectNode bool = query.putObject("bool");
    bool.putArray("must").add(text);
    bool.putArray("filter").add(QueryTranslator.translate(partly.get()));
    return Optional.of(withFilters(query, filtersBut(null)));
  }

  /** A query that is {@code query} under these filters. */
  static ObjectNode withFilters(ObjectNode query, List<ObjectNode> filters) {
    if (filters.isEmpty()) {
      return query;
    }
    ObjectNode node = ClusterConnection.object();
    ObjectNode bool = node.putObject("bool");
    bool.putArray("must").add(query);
    ArrayNode filter = bool.putArray("filter");
    filters.forEach(filter::add);
    return node;
  }

  /** All of these filters as one query (match_all for none). */
  static ObjectNode allOf(List<ObjectNode> filters) {
    ObjectNode node = ClusterConnection.object();
    if (filters.isEmpty()) {
      node.putObject("match_all");
      return node;
    }
    ArrayNode filter = node.putObject("bool").putArray("filter");
    filters.forEach(filter::add);
    return node;
  }

  /** Where the request's cursor says its page starts, as search-after values; null for the first page. */
  ArrayNode searchAfter(long archiveState) throws InvalidQueryException {
    if (request.cursor().isEmpty()) {
      return null;
    }
    FieldDoc after = SearchCursor.decode(request.cursor().get(), request, parsed.sort().getSort(), archiveState);
    ArrayNode values = ClusterConnection.json().createArrayNode();
    for (Object value : after.fields) {
      switch (value) {
        case Float f -> values.add(f);
        case Double d -> values.add(d);
        case Long l -> values.add(l);
        case BytesRef b -> values.add(b.utf8ToString());
        default -> throw new IllegalStateException("a cursor holds no " + value.getClass());
      }
    }
    return values;
  }

  /** The cursor that continues after a hit, from its sort values. */
  String cursorAfter(JsonNode hit, long archiveState) {
    SortField[] fields = parsed.sort().getSort();
    JsonNode values = hit.path("sort");
    Object[] typed = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      JsonNode value = values.path(i);
      typed[i] = switch (fields[i].getType()) {
        case SCORE -> (float) value.asDouble();
        case LONG -> value.asLong();
        case DOUBLE -> value.asDouble();
        default -> new BytesRef(value.asText());
      };
    }
    return SearchCursor.encode(request, new FieldDoc(0, Float.NaN, typed), archiveState);
  }

  private static ArrayNode sort(SortOrder order) {
    ArrayNode sort = ClusterConnection.json().createArrayNode();
    switch (order) {
      case RELEVANCE -> { }
      case NEWEST -> sort.addObject().putObject(ArticleDocument.PUBLISHED_ORDER).put("order", "desc").put("missing", Long.MIN_VALUE);
      case OLDEST -> sort.addObject().putObject(ArticleDocument.PUBLISHED_ORDER).put("order", "asc").put("missing", Long.MAX_VALUE);
      // As the Lucene engine: an article not measured (no score) comes last either way.
      case MOST_HEDGED -> sort.addObject().putObject(ArticleDocument.HEDGING_SCORE).put("order", "desc").put("missing", -1.0);
      case LEAST_HEDGED -> sort.addObject().putObject(ArticleDocument.HEDGING_SCORE).put("order", "asc").put("missing", 2.0);
      case ADDED -> sort.addObject().putObject(ArticleDocument.ADDED).put("order", "desc").put("missing", Long.MIN_VALUE);
    }
    sort.addObject().put("_score", "desc");
    sort.addObject().put(ArticleDocument.ID, "asc");
    return sort;
  }
}
