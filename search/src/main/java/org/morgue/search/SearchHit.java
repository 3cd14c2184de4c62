package org.morgue.search;

import org.morgue.article.ArticleSummary;

/**
 * One matching article.
 *
 * @param article the article and the names of its enrichments (the article view has every mention)
 * @param score the relevance score (NaN when sorted by something else)
 * @param snippet passages of the body as text, with the words that matched the query marked
 * @param story the story the article is a version of, with every version the archive holds
 */
public record SearchHit(ArticleSummary article, float score, Snippet snippet, Story story) {
  public SearchHit {
    java.util.Objects.requireNonNull(story, "story");
  }

  /** A hit on an article that is a story of its own (no copies in the archive). */
  public SearchHit(ArticleSummary article, float score, Snippet snippet) {
    this(article, score, snippet, Story.single(article.article()));
  }
}
