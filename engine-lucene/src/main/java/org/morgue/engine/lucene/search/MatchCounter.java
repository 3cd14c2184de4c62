package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.TimelineCounts;

/**
 * Chooses how a request's matches are counted, always exactly, by the cheapest way that gives what
 * is asked:
 *
 * <ul>
 *   <li>{@link #total}, the number of matches alone: the reader's article count when everything
 *       matches, else Lucene's count, which reads no hit and counts whole segments from their
 *       statistics where the query allows it.
 *   <li>{@link #pageWithCounts}, a page of hits with facet and day counts over every match: browsing
 *       everything takes the whole archive's counts kept per reader and only collects its page;
 *       without facet filters, one pass collects the page and counts from the columns in memory
 *       (cost: every match is visited and scored); with filters, Lucene's drill sideways counts each
 *       filtered dimension as if it were not filtered (cost: every match, and every near-miss that
 *       fails one dimension only, is visited).
 * </ul>
 *
 * <p>Invariant: every count is exact, never a bound, and the page is the same page whichever way
 * counts: {@link #pageCollector} is the one collector a page of hits is taken with.
 */
final class MatchCounter {
  /**
   * Matches a browse of everything counts before its collector may skip: the total is known without
   * counting, so it need not count at all beyond Lucene's usual threshold.
   */
  private static final int EVERYTHING_COUNT_LIMIT = 1_000;

  private MatchCounter() {}

  /** A page of hits with what was counted over all the matches. */
  record Counted(TopFieldDocs top, long total, Facets facets, TimelineCounts days) {}

  /** The exact number of matches, with no hit loaded and nothing else counted. */
  static long total(IndexSearcher searcher, RequestQuery query) throws InvalidQueryException, IOException {
    if (query.everything()) {
      return searcher.getIndexReader().numDocs();
    }
    try {
      return searcher.count(query.drillDown());
    } catch (IndexSearcher.TooManyClauses e) {
      throw RequestQuery.expandsTooFar(e);
    }
  }

  /**
   * The collector of the {@code wanted} best hits after {@code after}, in the request's sort: it
   * counts every match exactly (an unlimited threshold), except when everything matches and the
   * total is known without counting, where it may stop counting and skip ahead.
   */
  static TopFieldCollectorManager pageCollector(RequestQuery query, int wanted, FieldDoc after) {
    return new TopFieldCollectorManager(query.sort(), wanted, after,
        query.everything() ? EVERYTHING_COUNT_LIMIT : Integer.MAX_VALUE);
  }

  /** Collects the page of hits and counts facets and days over every match, with an exact total. */
  static Counted pageWithCounts(IndexSearcher searcher, ReaderState state, RequestQuery query, int wanted,
      FieldDoc after) throws InvalidQueryException, IOException {
    Counted counted;
    try {
      counted = collect(searcher, state, query, pageCollector(query, wanted, after));
    } catch (IndexSearcher.TooManyClauses e) {
      throw RequestQuery.expandsTooFar(e);
    }
    return counted;
  }

  private static Counted collect(IndexSearcher searcher, ReaderState state, RequestQuery query,
      TopFieldCollectorManager hitCollector) throws IOException {
    if (query.everything()) {
      MatchCounts all = state.wholeArchiveCounts(searcher);
      // The total is known, so the page's collector may stop counting and skip ahead.
      TopFieldDocs top = searcher.search(MatchAllDocsQuery.INSTANCE, hitCollector);
      return new Counted(top, searcher.getIndexReader().numDocs(),
          new OrdinalFacetCounts(state.facets(), all.facets()), all.days());
    }
    if (!query.filtered()) {
      Object[] result = searcher.search(query.dated(), new MultiCollectorManager(hitCollector,
          new MatchCountsCollectorManager(state.columns(), state.days())));
      MatchCounts counts = (MatchCounts) result[1];
      TopFieldDocs top = (TopFieldDocs) result[0];
      return new Counted(top, exactTotal(searcher, query, top), new OrdinalFacetCounts(state.facets(), counts.facets()),
          counts.days());
    }
    DrillSideways sideways = new ArchiveDrillSideways(searcher, RequestQuery.FACETS, state.columns());
    DrillSideways.ConcurrentDrillSidewaysResult<Object[]> result = sideways.search(query.drillDown(),
        new MultiCollectorManager(hitCollector, new TimelineCollectorManager(state.columns(), state.days())));
    TopFieldDocs top = (TopFieldDocs) result.collectorResult[0];
    return new Counted(top, exactTotal(searcher, query, top), result.facets, (TimelineCounts) result.collectorResult[1]);
  }

  /** The collector's count, which its unlimited threshold makes exact; counted again should it be a bound. */
  private static long exactTotal(IndexSearcher searcher, RequestQuery query, TopFieldDocs top) throws IOException {
    return top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
        ? top.totalHits.value()
        : searcher.count(query.drillDown());
  }
}
