package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchRequest;

/**
 * The "did you mean" of a search with few hits: the query with its misspelled words corrected, when
 * that finds more articles than the query as asked, under the same dates and filters.
 *
 * <p>Invariants: offered only below {@value #SUGGEST_BELOW_HITS} hits and never for a search of
 * everything; a query whose syntax could not be read is corrected as the plain words that were
 * searched; a correction that is no valid query is no suggestion (never an error).
 *
 * <p>Cost: nothing at or above the threshold; below it, looking up each word's neighbours in the
 * index's terms, and when one is corrected, one count of the corrected query's matches.
 */
public final class SpellingSuggestion {
  /** A search with fewer hits than this gets a spelling suggestion, when one finds more. */
  public static final long SUGGEST_BELOW_HITS = 3;

  private final QuerySpelling spelling;

  SpellingSuggestion(Analyzer analyzer) {
    this.spelling = new QuerySpelling(analyzer);
  }

  /** The corrected query for a search that found {@code total} matches; empty when there is none to offer. */
  Optional<String> suggest(IndexSearcher searcher, RequestQuery asked, SearchRequest request, long total)
      throws IOException {
    if (total >= SUGGEST_BELOW_HITS || asked.query() instanceof MatchAllDocsQuery) {
      return Optional.empty();
    }
    String typed = asked.interpretation().map(QueryInterpretation::query).orElse(request.query());
    Optional<String> corrected = spelling.correct(typed, searcher.getIndexReader());
    if (corrected.isEmpty()) {
      return Optional.empty();
    }
    try {
      long found = searcher.count(RequestQuery.drillDown(corrected.get(), request));
      return found > total ? corrected : Optional.empty();
    } catch (InvalidQueryException e) {
      return Optional.empty(); // a correction that is no query is no suggestion
    }
  }
}
