package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.morgue.search.SearchEngine;

/**
 * A request's matches in its sort, read without counting facets or days and without snippets: all
 * of them ({@link #scan}), for an export.
 *
 * <p>Invariants: the order is the request's total order (its sort, then the id), the same as a
 * search's pages. {@link #scan} visits every match exactly once, however many there are, in pages
 * of {@value #SCAN_PAGE} by search-after.
 *
 * <p>Cost: {@link #scan} runs one search per {@value #SCAN_PAGE} matches and reads each whole
 * article once, with memory that does not grow with the number of matches.
 */
final class SortedMatches {
  private static final int SCAN_PAGE = 500;

  private final StoredArticles articles;

  SortedMatches(StoredArticles articles) {
    this.articles = articles;
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
