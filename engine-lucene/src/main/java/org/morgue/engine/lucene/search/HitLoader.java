package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.morgue.article.ArticleSummary;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.search.SearchHit;
import org.morgue.search.Snippet;

/**
 * Turns a page of collected docs into the hits a result shows: each article's summary, its score,
 * a snippet of its body with the query's words marked, and its story with every version
 * ({@link StoryVersions}).
 *
 * <p>Invariants: each article is read once and only as far as a hit shows it (the highlighter takes
 * the bodies read here, and the scores are the sort values the collector kept, never computed
 * again); a snippet holds at most {@value #SNIPPET_PASSAGES} passages, cut at sentence breaks; a hit
 * whose body has no passage to show gets the body's lead, so only an empty body has an empty
 * snippet.
 *
 * <p>Cost: one stored-fields read per hit, one more per other version of its story, and highlighting from the offsets stored in the body's
 * postings, so no hit's text is analysed again. Thread-safe.
 */
final class HitLoader {
  private static final int SNIPPET_PASSAGES = 2;

  private final StoredArticles articles;
  private final StoryVersions stories;
  private final Analyzer analyzer;
  private final SnippetFormatter snippetFormat = new SnippetFormatter();
  private final SentenceSplitter sentences = SentenceSplitter.fromResources();
  private final ActorSnippets actorSnippets;

  HitLoader(StoredArticles articles, StoryVersions stories, Analyzer analyzer) {
    this.articles = articles;
    this.stories = stories;
    this.analyzer = analyzer;
    this.actorSnippets = new ActorSnippets(analyzer);
  }

  /**
   * The page's hits, in its order, with snippets for {@code query}.
   *
   * @param page docs as a sort collected them (field docs whose {@code scoreField} value is the score)
   * @param fieldInfos the searcher's merged field infos
   */
  List<SearchHit> hits(IndexSearcher searcher, FieldInfos fieldInfos, Query query, ScoreDoc[] page, int scoreField)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    ArticleSummary[] summaries = new ArticleSummary[page.length];
    Map<Integer, String> bodies = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      StoredArticles.SummaryAndBody read = articles.summaryAndBody(stored, page[i].doc);
      bodies.put(page[i].doc, read.body());
      summaries[i] = read.summary();
    }
    Object[] snippets = highlight(searcher, fieldInfos, query, page, bodies);
    List<SearchHit> hits = new ArrayList<>(page.length);
    boolean byActors = ActorSnippets.searchesActors(query);
    for (int i = 0; i < page.length; i++) {
      float score = (Float) ((FieldDoc) page[i]).fields[scoreField];
      ArticleSummary summary = summaries[i];
      Snippet found = snippets[i] instanceof Snippet snippet && !snippet.parts().isEmpty() ? snippet : lead(summary);
      // Nothing marked in the body: the words matched through an actor alone, so the sentence naming
      // it says why the hit is there. Its whole enrichment is read, for this hit only.
      Snippet shown = found.marked() || !byActors ? found
          : actorSnippets.of(query, articles.article(stored, page[i].doc)).orElse(found);
      hits.add(new SearchHit(summary, score, shown, stories.of(searcher, page[i].doc, summary.article())));
    }
    return hits;
  }

  /**
   * Snippets for a page of hits, one per hit (null where the body has no passage), found from the
   * offsets stored in the body's postings: no hit's text is analysed again.
   */
  private Object[] highlight(IndexSearcher searcher, FieldInfos fieldInfos, Query query, ScoreDoc[] page,
      Map<Integer, String> bodies) throws IOException {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(snippetFormat)
        .withBreakIterator(() -> new SnippetBreaks(sentences))
        // No passage where nothing matched: the lead (Snippet.lead) is shown, past an address's salutation.
        .withMaxNoHighlightPassages(0);
    int[] docs = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = page[i].doc;
    }
    return new HitHighlighter(builder, fieldInfos, bodies)
        .highlightBodies(ArchiveQueryParser.withoutClosenessBoost(query), docs, SNIPPET_PASSAGES);
  }

  /** A snippet where the highlighter has none: the body's lead (see {@link Snippet#lead}). */
  static Snippet lead(ArticleSummary article) {
    return Snippet.lead(article.article().body());
  }
}
