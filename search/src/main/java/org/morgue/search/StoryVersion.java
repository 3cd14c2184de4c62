package org.morgue.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One version of a story, as a list of versions shows it.
 *
 * @param articleId the version's article id
 * @param title its headline
 * @param source who published it
 * @param published when, if known
 */
public record StoryVersion(String articleId, String title, String source, Optional<LocalDate> published) {
  /** The version an article is. */
  public static StoryVersion of(org.morgue.article.Article article) {
    return new StoryVersion(article.id(), article.title(), article.source(), article.published());
  }
}
