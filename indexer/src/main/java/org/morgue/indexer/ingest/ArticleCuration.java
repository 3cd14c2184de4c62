package org.morgue.indexer.ingest;

import java.util.Optional;
import java.util.Set;
import org.morgue.article.Article;
import org.morgue.article.Enrichment;

/**
 * What a librarian has decided about articles, applied as each one is written: between enrichment and
 * the document, so that a correction holds for articles indexed later, for every rebuild of the index
 * and for live writes alike. The indexer knows nothing of how the decisions are kept; the curation
 * module implements it. Implementations are read from every indexing thread at once.
 */
public interface ArticleCuration {
  /** No decisions: articles are written as read and enriched. */
  ArticleCuration NONE = new ArticleCuration() {
    @Override
    public Article correct(Article read) {
      return read;
    }

    @Override
    public Enrichment correct(String articleId, Enrichment found) {
      return found;
    }

    @Override
    public Set<String> collections(String articleId) {
      return Set.of();
    }

    @Override
    public String stamp() {
      return "";
    }

    @Override
    public Optional<StoryFiling> storyFiling(String articleId) {
      return Optional.empty();
    }

    @Override
    public Set<String> filedWith(String articleId) {
      return Set.of();
    }
  };

  /** The article with a curator's corrections to its own fields (title, date, source, authors). */
  Article correct(Article read);

  /** The enrichment with a curator's corrections: actors renamed, merged, retyped, removed or added; themes too. */
  Enrichment correct(String articleId, Enrichment found);

  /** The ids of the collections the article belongs to. */
  Set<String> collections(String articleId);

  /**
   * What changes whenever the decisions change (the last change's number): written with each article,
   * so an article's version changes when a curator's decision rewrites it. Empty for none.
   */
  String stamp();

  /** Where a curator filed the article's story, if one did; empty when copy detection decides it. */
  Optional<StoryFiling> storyFiling(String articleId);

  /** The articles a curator filed in this article's story ({@link StoryFiling#with} naming it). */
  Set<String> filedWith(String articleId);
}
