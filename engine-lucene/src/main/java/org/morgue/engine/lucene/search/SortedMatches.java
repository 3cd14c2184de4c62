package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.morgue.article.ArticleSummary;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;

/**
 * A request's matches in its sort, read without counting facets or days and without snippets: the
 * first few ({@link #top}), for a feed, or all of them ({@link #scan}), for an export.
 *
 * <p>Invariants: the order is the request's total order (its sort, then the id), the same as a
 * search's pages. {@link #top} takes its hits with the collector a search's page uses
 * ({@link MatchCounter#pageCollector}), over the same matches, so its articles are a search's first
 * hits. {@link #scan} visits every match exactly once, however many there are, in pages of
 * {@value #SCAN_PAGE} by search-after.
 *
 * <p>Cost: {@link #top} visits and scores every match, as a search's page does (when everything
 * matches, its collector may skip ahead once it has counted Lucene's usual 1,000), but counts no
 * facets or days, highlights nothing and suggests nothing, and reads {@code n} summaries; {@link #scan} runs one
 * search per {@value #SCAN_PAGE} matches and reads each whole article once, with memory that does
 * not grow with the number of matches.
 */
final class SortedMatches {
  private static final int SCAN_PAGE = 500;

  private final StoredArticles articles;

  SortedMatches(StoredArticles articles) {
    this.articles = articles;
  }

  /** Up to {@code n} matches after {@code after} (null: from the first), as summaries. */
  List<ArticleSummary> top(IndexSearcher searcher, RequestQuery query, int n, FieldDoc after)
      throws InvalidQueryException, IOException {
    int wanted = Math.min(n, searcher.getIndexReader().maxDoc());
    if (wanted <= 0) {
      return List.of();
    }
    TopDocs top;
    try {
      top = searcher.search(query.filtered() ? query.drillDown() : query.dated(),
          MatchCounter.pageCollector(query, wanted, after));
    } catch (IndexSearcher.TooManyClauses e) {
      throw RequestQuery.expandsTooFar(e);
    }
    StoredFields stored = searcher.storedFields();
    List<ArticleSummary> summaries = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      summaries.add(articles.summary(stored, doc.doc));
    }
    return summaries;
  }

  /** Visits every match, in order. */
  void scan(IndexSearcher searcher, RequestQuery query, SearchEngine.ArticleVisitor visitor) throws IOException {
    StoredFields stored = searcher.storedFields();
    ScoreDoc after = null;
    while (true) {
      TopDocs page = searcher.searchAfter(after, query.drillDown(), SCAN_PAGE, query.sort(), true);
      for (ScoreDoc doc : page.scoreDocs) {
        visitor.visit(articles.article(stored, doc.doc));
      }
      if (page.scoreDocs.length < SCAN_PAGE) {
        return;
      }
      after = page.scoreDocs[page.scoreDocs.length - 1];
    }
  }
}
