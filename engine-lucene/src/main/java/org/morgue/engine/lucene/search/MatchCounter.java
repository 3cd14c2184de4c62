package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.morgue.search.Grouping;
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
 *   <li>{@link #pageWithCounts}, a page of hits with facet, day and story counts over every match:
 *       browsing everything takes the whole archive's counts kept per reader and only collects its
 *       page; without facet filters, one pass collects the page and counts from the columns in memory
 *       (cost: every match is visited and scored); with filters, Lucene's drill sideways counts each
 *       filtered dimension as if it were not filtered (cost: every match, and every near-miss that
 *       fails one dimension only, is visited).
 * </ul>
 *
 * <p>Grouped by story, the same pass finds each story's first match ({@link StoryFirsts}) instead of
 * collecting the best hits, and the page is the first stories after the cursor; browsing everything
 * searches the stories' first articles kept per reader ({@link ReaderState#wholeArchiveFirsts}) as
 * it would every article. Listing articles, the pass also marks the matches' stories
 * ({@link StoryCountCollectorManager}). Either way the total, facets and days count articles and the
 * story count is exact.
 *
 * <p>Invariant: every count is exact, never a bound, and the page is the same page whichever way
 * counts: {@link #pageCollector} is the one collector a page of articles is taken with, and
 * {@link StoryFirsts} ranks in the same order.
 */
final class MatchCounter {
  /**
   * Matches a browse of everything counts before its collector may skip: the total is known without
   * counting, so it need not count at all beyond Lucene's usual threshold.
   */
  private static final int EVERYTHING_COUNT_LIMIT = 1_000;

  private MatchCounter() {}

  /**
   * A page of hits with what was counted over all the matches.
   *
   * @param page the hits (articles, or each story's first match), as field docs with their sort values
   * @param total the matching articles
   * @param stories the distinct stories among them
   */
  record Counted(FieldDoc[] page, long total, long stories, Facets facets, TimelineCounts days) {}

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

  /**
   * Collects the page of hits ({@code wanted} articles, or stories when {@code grouping} is by story)
   * and counts facets, days and stories over every match, with an exact total.
   */
  static Counted pageWithCounts(IndexSearcher searcher, ReaderState state, RequestQuery query, Grouping grouping,
      int wanted, FieldDoc after) throws InvalidQueryException, IOException {
    try {
      return collect(searcher, state, query, grouping, wanted, after);
    } catch (IndexSearcher.TooManyClauses e) {
      throw RequestQuery.expandsTooFar(e);
    }
  }

  /**
   * Each story's first match in the request's order, without counting facets or days: for a feed's
   * or an export's stories. Browsing everything takes them from the reader's state.
   */
  static Query storyFirsts(IndexSearcher searcher, ReaderState state, RequestQuery query)
      throws InvalidQueryException, IOException {
    if (query.everything()) {
      return state.wholeArchiveFirsts(searcher, query.sort());
    }
    StoryFirsts firsts = firsts(searcher, state, query);
    return new DocSetQuery(searcher.getIndexReader(), firsts.docsBySegment());
  }

  /** The first {@code n} stories after {@code after}, as their first matches, without counting facets or days. */
  static FieldDoc[] firstStories(IndexSearcher searcher, ReaderState state, RequestQuery query, int n,
      FieldDoc after) throws InvalidQueryException, IOException {
    if (query.everything()) {
      return fieldDocs(searcher.search(state.wholeArchiveFirsts(searcher, query.sort()),
          pageCollector(query, n, after)));
    }
    return firsts(searcher, state, query).page(after, n);
  }

  private static StoryFirsts firsts(IndexSearcher searcher, ReaderState state, RequestQuery query)
      throws InvalidQueryException, IOException {
    try {
      return searcher.search(query.filtered() ? query.drillDown() : query.dated(),
          StoryFirsts.manager(searcher.getIndexReader(), state.columns(), MatchOrder.of(query.sort())));
    } catch (IndexSearcher.TooManyClauses e) {
      throw RequestQuery.expandsTooFar(e);
    }
  }

  private static Counted collect(IndexSearcher searcher, ReaderState state, RequestQuery query, Grouping grouping,
      int wanted, FieldDoc after) throws IOException {
    boolean byStory = grouping == Grouping.STORIES;
    if (query.everything()) {
      MatchCounts all = state.wholeArchiveCounts(searcher);
      // The total is known, so the page's collector may stop counting and skip ahead.
      Query pageOf = byStory ? state.wholeArchiveFirsts(searcher, query.sort()) : MatchAllDocsQuery.INSTANCE;
      TopFieldDocs top = searcher.search(pageOf, pageCollector(query, wanted, after));
      return new Counted(fieldDocs(top), searcher.getIndexReader().numDocs(), state.wholeArchiveStories(searcher),
          new OrdinalFacetCounts(state.facets(), all.facets()), all.days());
    }
    CollectorManager<?, ?> page = byStory
        ? StoryFirsts.manager(searcher.getIndexReader(), state.columns(), MatchOrder.of(query.sort()))
        : pageCollector(query, wanted, after);
    CollectorManager<?, ?> stories = new StoryCountCollectorManager(state.columns());
    if (!query.filtered()) {
      Object[] result = byStory
          ? searcher.search(query.dated(), new MultiCollectorManager(page,
              new MatchCountsCollectorManager(state.columns(), state.days())))
          : searcher.search(query.dated(), new MultiCollectorManager(page,
              new MatchCountsCollectorManager(state.columns(), state.days()), stories));
      MatchCounts counts = (MatchCounts) result[1];
      return counted(searcher, query, result, wanted, after, new OrdinalFacetCounts(state.facets(), counts.facets()),
          counts.days());
    }
    DrillSideways sideways = new ArchiveDrillSideways(searcher, RequestQuery.FACETS, state.columns());
    DrillSideways.ConcurrentDrillSidewaysResult<Object[]> result = byStory
        ? sideways.search(query.drillDown(), new MultiCollectorManager(page,
            new TimelineCollectorManager(state.columns(), state.days())))
        : sideways.search(query.drillDown(), new MultiCollectorManager(page,
            new TimelineCollectorManager(state.columns(), state.days()), stories));
    return counted(searcher, query, result.collectorResult, wanted, after, result.facets,
        (TimelineCounts) result.collectorResult[1]);
  }

  /** What one pass collected: the page first, the counts second, listing articles the story count third. */
  private static Counted counted(IndexSearcher searcher, RequestQuery query, Object[] result, int wanted,
      FieldDoc after, Facets facets, TimelineCounts days) throws IOException {
    if (result[0] instanceof StoryFirsts firsts) {
      return new Counted(firsts.page(after, wanted), firsts.matches(), firsts.stories(), facets, days);
    }
    TopFieldDocs top = (TopFieldDocs) result[0];
    return new Counted(fieldDocs(top), exactTotal(searcher, query, top), (Long) result[2], facets, days);
  }

  private static FieldDoc[] fieldDocs(TopFieldDocs top) {
    FieldDoc[] docs = new FieldDoc[top.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = (FieldDoc) top.scoreDocs[i];
    }
    return docs;
  }

  /** The collector's count, which its unlimited threshold makes exact; counted again should it be a bound. */
  private static long exactTotal(IndexSearcher searcher, RequestQuery query, TopFieldDocs top) throws IOException {
    return top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
        ? top.totalHits.value()
        : searcher.count(query.drillDown());
  }
}
