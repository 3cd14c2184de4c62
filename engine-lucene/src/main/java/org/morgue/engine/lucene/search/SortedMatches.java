package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.morgue.article.ArticleSummary;
import org.morgue.search.Grouping;
import org.morgue.search.IndexedArticle;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;

/**
 * A request's matches in its sort, read without counting facets or days and without snippets: the
 * first few ({@link #top}), for a feed, or all of them ({@link #scan}), for an export; grouped by
 * story, only each story's first match, as a search grouped by story lists them.
 *
 * <p>Invariants: the order is the request's total order (its sort, then the id), the same as a
 * search's pages. {@link #top} takes its hits with the collector a search's page uses
 * ({@link MatchCounter#pageCollector}, or {@link StoryFirsts} by story), over the same matches, so its
 * articles are a search's first hits. {@link #scan} visits every match (or story) exactly once,
 * however many there are, in pages of {@value #SCAN_PAGE} by search-after.
 *
 * <p>Cost: {@link #top} visits and scores every match, as a search's page does (when everything
 * matches and articles are listed, its collector may skip ahead once it has counted Lucene's usual
 * 1,000), but counts no facets or days, highlights nothing and suggests nothing, and reads {@code n}
 * summaries; {@link #scan} runs one search per {@value #SCAN_PAGE} matches and reads each whole
 * article once, with memory that does not grow with the number of matches. By story, both first find
 * the stories' first matches in one pass (see {@link StoryFirsts} for its memory, which grows with
 * the matching stories while that pass runs); {@link #scan} then keeps one bit per article of the
 * index while it pages through them.
 */
final class SortedMatches {
  private static final int SCAN_PAGE = 500;

  private final StoredArticles articles;

  SortedMatches(StoredArticles articles) {
    this.articles = articles;
  }

  /**
   * Up to {@code n} matches (or stories, as their first matches) after {@code after} (null: from
   * the first), as summaries.
   */
  List<ArticleSummary> top(IndexSearcher searcher, ReaderState state, RequestQuery query, Grouping grouping, int n,
      FieldDoc after) throws InvalidQueryException, IOException {
    int wanted = Math.min(n, searcher.getIndexReader().maxDoc());
    if (wanted <= 0) {
      return List.of();
    }
    ScoreDoc[] top;
    if (grouping == Grouping.STORIES) {
      top = MatchCounter.firstStories(searcher, state, query, wanted, after);
    } else {
      try {
        top = searcher.search(query.filtered() ? query.drillDown() : query.dated(),
            MatchCounter.pageCollector(query, wanted, after)).scoreDocs;
      } catch (IndexSearcher.TooManyClauses e) {
        throw RequestQuery.expandsTooFar(e);
      }
    }
    StoredFields stored = searcher.storedFields();
    List<ArticleSummary> summaries = new ArrayList<>(top.length);
    for (ScoreDoc doc : top) {
      summaries.add(articles.summary(stored, doc.doc));
    }
    return summaries;
  }

  /** Visits every match (or each story's first match), in order. */
  void scan(IndexSearcher searcher, ReaderState state, RequestQuery query, Grouping grouping,
      IndexedVisitor visitor) throws InvalidQueryException, IOException {
    Query matches = query.drillDown();
    if (grouping == Grouping.STORIES) {
      // The stories' first matches narrow the query without changing its scores, so the order holds.
      matches = new BooleanQuery.Builder()
          .add(query.drillDown(), BooleanClause.Occur.MUST)
          .add(MatchCounter.storyFirsts(searcher, state, query), BooleanClause.Occur.FILTER)
          .build();
    }
    StoredFields stored = searcher.storedFields();
    ScoreDoc after = null;
    while (true) {
      TopDocs page = searcher.searchAfter(after, matches, SCAN_PAGE, query.sort(), true);
      for (ScoreDoc doc : page.scoreDocs) {
        visitor.visit(articles.indexed(stored, doc.doc));
      }
      if (page.scoreDocs.length < SCAN_PAGE) {
        return;
      }
      after = page.scoreDocs[page.scoreDocs.length - 1];
    }
  }

  /** Receives each match as the index holds it. */
  @FunctionalInterface
  interface IndexedVisitor {
    void visit(IndexedArticle article) throws IOException;
  }
}
