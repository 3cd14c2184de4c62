package org.morgue.search;

import java.time.LocalDate;
import java.util.Optional;
import org.morgue.article.DatePrecision;

/**
 * One version of a story, as a list of versions shows it.
 *
 * @param articleId the version's article id
 * @param title its headline
 * @param source who published it
 * @param published when, if known
 * @param precision how much of that date its source gave: a copy dated only to 1974 is not of January 1
 */
public record StoryVersion(String articleId, String title, String source, Optional<LocalDate> published,
    DatePrecision precision) {
  /** The version an article is. */
  public static StoryVersion of(org.morgue.article.Article article) {
    return new StoryVersion(article.id(), article.title(), article.source(), article.published(),
        DatePrecision.of(article));
  }
}
