package org.morgue.engine.lucene.search;

import org.morgue.search.RequestField;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.morgue.article.ActorType;
import org.morgue.article.HedgeLevel;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * The Lucene query, filters and sort a {@link SearchRequest} runs as, built and checked before any
 * searcher is acquired: a request that cannot run is refused without reading the index.
 *
 * <p>Invariants: the text is parsed as typed or, only when its syntax cannot be read, as its plain
 * words (and {@link #interpretation} says so); what is not a syntax error (an unknown field, a bad
 * date, a bound) stays an error. The dates are a filter and never score. Facet filters are checked
 * against the schema and added in NFC, OR within a dimension, AND across them. The sort is total (it
 * ends in the id), so search-after never skips or repeats a hit, and it ranks by score somewhere, so
 * every collected hit carries its score. A request is checked in this order, which decides the error
 * a request with several faults reports: the text, the dates, then each filter.
 *
 * <p>Cost: parsing and building only; nothing here reads the index.
 *
 * @param query the text as a Lucene query, without dates or filters: what highlighting and spelling
 *     look at
 * @param interpretation how the text was searched when it could not be read as written
 * @param dated the query with the date filter: the matches when there are no facet filters
 * @param drillDown the query with the dates and every facet filter: exactly the matches
 * @param filtered whether the request has facet filters (then facets count drill sideways)
 * @param sort the request's order, then the id
 */
public record RequestQuery(Query query, Optional<QueryInterpretation> interpretation, Query dated, DrillDownQuery drillDown,
    boolean filtered, Sort sort) {
  /** The facet dimensions' settings, as the index was written with them. */
  static final FacetsConfig FACETS = ArchiveSchema.facetsConfig();

  /** Builds and checks a request's query, dates, filters and sort. */
  public static RequestQuery of(SearchRequest request) throws InvalidQueryException {
    ParsedQuery parsed = parse(request.query());
    Query dated = withDateFilter(parsed.query(), request);
    return new RequestQuery(parsed.query(), parsed.interpretation(), dated, drillDown(dated, request),
        !request.filters().isEmpty(), totalSort(request.sort()));
  }

  /**
   * Whether this matches every article: no text, no dates, no filters. Its total and counts are then
   * known without looking at the matches.
   */
  boolean everything() {
    return !filtered && dated instanceof MatchAllDocsQuery;
  }

  /** Where the relevance score is among the sort's values. */
  int scoreField() {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getType() == SortField.Type.SCORE) {
        return i;
      }
    }
    throw new IllegalStateException("every sort ranks by score somewhere; this one does not: " + sort);
  }

  /** Checks the dimensions of a request's facet prefixes, which only a faceted search reads. */
  public static void checkFacetPrefixes(SearchRequest request) throws InvalidQueryException {
    for (String dim : request.facetPrefixes().keySet()) {
      if (!ArchiveSchema.FACETS.contains(dim)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.UNKNOWN_FACET, RequestField.facetPrefix(dim), "unknown facet '" + dim + "'; facets are "
            + ArchiveSchema.FACETS);
      }
    }
  }

  /** The error a query that expanded past Lucene's clause limit while searching is. */
  static InvalidQueryException expandsTooFar(IndexSearcher.TooManyClauses e) {
    return new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, RequestField.QUERY, "the query expands to too many terms (more than "
        + IndexSearcher.getMaxClauseCount() + "); make wildcards and fuzzy terms more specific", e);
  }

  /**
   * The request's text and filters over the articles its dates hold only part of ({@link
   * PublishedWithin#partlyWithin}); empty when it gives no dates.
   */
  Optional<Query> partlyWithinDates(SearchRequest request) throws InvalidQueryException {
    Optional<Query> partly = PublishedWithin.partlyWithin(request);
    if (partly.isEmpty()) {
      return partly;
    }
    return Optional.of(drillDown(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
        .add(partly.get(), BooleanClause.Occur.FILTER).build(), request));
  }

  /** Another text under the same dates and filters (for a spelling correction's count). */
  static DrillDownQuery drillDown(String text, SearchRequest request) throws InvalidQueryException {
    return drillDown(withDateFilter(parse(text).query(), request), request);
  }

  private static DrillDownQuery drillDown(Query dated, SearchRequest request) throws InvalidQueryException {
    DrillDownQuery drillDown = new DrillDownQuery(FACETS, dated);
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      validate(filter.getKey(), filter.getValue());
      for (String value : filter.getValue()) {
        // Facet values are indexed in NFC; a value typed decomposed is the same value.
        drillDown.add(filter.getKey(), ArchiveSchema.canonical(value));
      }
    }
    return drillDown;
  }

  private static Query withDateFilter(Query query, SearchRequest request) throws InvalidQueryException {
    Optional<Query> dates = PublishedWithin.days(request);
    if (dates.isEmpty()) {
      return query;
    }
    if (request.from().isPresent() && request.to().isPresent() && request.from().get().isAfter(request.to().get())) {
      throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.FROM, "'from' (" + request.from().get() + ") is after 'to' ("
          + request.to().get() + ")");
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(dates.get(), BooleanClause.Occur.FILTER)
        .build();
  }

  private static void validate(String dim, List<String> values) throws InvalidQueryException {
    if (!ArchiveSchema.FACETS.contains(dim)) {
      throw new InvalidQueryException(InvalidQueryException.Kind.UNKNOWN_FACET, RequestField.filter(dim), "unknown facet '" + dim + "'; facets are " + ArchiveSchema.FACETS);
    }
    for (String value : values) {
      if (value.isBlank()) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.filter(dim), "empty value for facet '" + dim + "'");
      }
      if (dim.equals(ArchiveSchema.FACET_HEDGING) && !ids(HedgeLevel.values()).contains(value)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.filter(dim), "unknown hedging level '" + value + "'; use low, medium or high");
      }
      if (dim.equals(ArchiveSchema.FACET_ACTOR_TYPE) && !ids(ActorType.values()).contains(value)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.filter(dim), "unknown actor type '" + value + "'; use one of "
            + ids(ActorType.values()));
      }
      if (dim.equals(ArchiveSchema.FACET_YEAR) && !value.matches("-?\\d{1,4}")) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.filter(dim), "'" + value + "' is not a year");
      }
    }
  }

  private static Set<String> ids(Enum<?>[] values) {
    TreeSet<String> ids = new TreeSet<>();
    for (Enum<?> value : values) {
      ids.add(value.name().toLowerCase(Locale.ROOT));
    }
    return ids;
  }

  private static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> Sort.RELEVANCE;
      case NEWEST -> byField(ArchiveSchema.PUBLISHED_ORDER, SortField.Type.LONG, true, Long.MIN_VALUE);
      case OLDEST -> byField(ArchiveSchema.PUBLISHED_ORDER, SortField.Type.LONG, false, Long.MAX_VALUE);
      // A score is a share, 0 to 1; an article with none (not measured: its headline alone) comes last
      // either way, not first among the least hedged as if its one line were the surest writing.
      case MOST_HEDGED -> byField(ArchiveSchema.HEDGING_SCORE, SortField.Type.DOUBLE, true, -1.0);
      case LEAST_HEDGED -> byField(ArchiveSchema.HEDGING_SCORE, SortField.Type.DOUBLE, false, 2.0);
      // An article written before writes were numbered has no key: last, as if added first.
      case ADDED -> byField(ArchiveSchema.ADDED, SortField.Type.LONG, true, Long.MIN_VALUE);
    };
  }

  /** The order asked for, then the id: a total order, so search-after never skips or repeats a hit. */
  private static Sort totalSort(SortOrder order) {
    SortField[] fields = sort(order).getSort();
    SortField[] all = Arrays.copyOf(fields, fields.length + 1);
    all[fields.length] = new SortedSetSortField(ArchiveSchema.ID, false);
    return new Sort(all);
  }

  private static Sort byField(String field, SortField.Type type, boolean reverse, Object missing) {
    return new Sort(new SortField(field, type, reverse, missing), SortField.FIELD_SCORE);
  }

  /** The Lucene query a request's text runs as, and how it was reinterpreted if it could not be read. */
  record ParsedQuery(Query query, Optional<QueryInterpretation> interpretation) {}

  /**
   * Parses the query as typed; if its syntax cannot be read ({@code Trump's "border}), searches its
   * plain words instead and says so, because a person who typed words wants them searched. What is
   * not a syntax error (an unknown field, a bad date, a bound) stays an error: working around it
   * would silently answer another question.
   */
  static ParsedQuery parse(String text) throws InvalidQueryException {
    // "*" and "*:*" are how Solr, Elasticsearch and Lucene's own parser say "everything"; a
    // developer's trial typed them and was told the query starts with a wildcard.
    if (text == null || text.isBlank() || text.strip().equals("*") || text.strip().equals("*:*")) {
      return new ParsedQuery(MatchAllDocsQuery.INSTANCE, Optional.empty());
    }
    if (text.length() > SearchEngine.MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, RequestField.QUERY, "the query is "
          + text.length() + " characters long; the limit is " + SearchEngine.MAX_QUERY_LENGTH);
    }
    try {
      Optional<String> stray = TypedQuery.strayOperand(text);
      if (stray.isPresent()) {
        throw new ParseException(stray.get());
      }
      Optional<TypedQuery.EditsCapped> capped = TypedQuery.editsCapped(text);
      String edits = capped.map(TypedQuery.EditsCapped::query).orElse(text);
      Optional<String> decades = TypedQuery.decadesAsYears(edits);
      String searched = decades.orElse(edits);
      Query query = parseRanked(searched);
      // Each reading that changed what runs says so, together: "sixties not Cuba" had said only the "not".
      Optional<String> withoutNot = TypedQuery.withoutWordNot(searched);
      List<String> reasons = new java.util.ArrayList<>();
      withoutNot.ifPresent(words -> reasons.add("“not” is too common a word to search, so it was left out; to"
          + " leave out the words after it, write NOT in capitals"));
      decades.ifPresent(years -> reasons.add("a decade in words or cut short is searched as the archive writes"
          + " decades (sixties and '60s as 1960s); put a word in quotes to search it as typed"));
      capped.ifPresent(words -> reasons.add(words.reason()));
      return new ParsedQuery(query, reasons.isEmpty() ? Optional.empty()
          : Optional.of(new QueryInterpretation(withoutNot.orElse(searched), String.join("; ", reasons))));
    } catch (ParseException e) {
      Optional<String> syntax = TypedQuery.strayOperand(text).or(() -> TypedQuery.syntaxProblem(text, e));
      if (syntax.isEmpty()) {
        throw refused(e);
      }
      String words = TypedQuery.plainWords(text);
      if (words.isBlank()) {
        throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_SYNTAX, RequestField.QUERY,
            syntax.get() + "; there are no words to search", e);
      }
      try {
        return new ParsedQuery(parseRanked(words), Optional.of(new QueryInterpretation(words, syntax.get())));
      } catch (ParseException again) {
        // Both problems: "[a TO" was refused for its one common word, and never said its bracket was open.
        InvalidQueryException plain = refused(again);
        throw new InvalidQueryException(plain.kind(), plain.field(), syntax.get() + "; searched as its plain words, "
            + plain.getMessage(), again);
      }
    }
  }

  private static Query parseRanked(String text) throws ParseException, InvalidQueryException {
    try {
      return new ArchiveQueryParser().parseRanked(text);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(e);
    }
  }

  /** A query the parser read but refused: its own message, without the parser's preamble. */
  private static InvalidQueryException refused(ParseException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof IndexSearcher.TooManyClauses tooMany) {
      return tooManyClauses(tooMany);
    }
    boolean tooComplex = cause instanceof ArchiveQueryParser.RefusedQueryException refusal && refusal.tooComplex();
    return new InvalidQueryException(
        tooComplex ? InvalidQueryException.Kind.QUERY_TOO_COMPLEX : InvalidQueryException.Kind.QUERY_SYNTAX,
        RequestField.QUERY, firstLine(cause.getMessage()), e);
  }

  private static InvalidQueryException tooManyClauses(Exception e) {
    return new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, RequestField.QUERY,
        "the query has too many clauses (more than " + IndexSearcher.getMaxClauseCount() + ")", e);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
