package org.morgue.search;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedOrder;
import org.morgue.article.PublishedTime;

/**
 * One version of a story, as a list of versions shows it.
 *
 * @param articleId the version's article id
 * @param title its headline
 * @param source who published it
 * @param published when, if known
 * @param precision how much of that date its source gave: a copy dated only to 1974 is not of January 1
 * @param time the time of day it was published, when its source gave one
 */
public record StoryVersion(String articleId, String title, String source, Optional<LocalDate> published,
    DatePrecision precision, Optional<PublishedTime> time) {
  /**
   * Earliest publication first (undated last), then by the clock within a day (a version without a
   * time after those with one), then by id: every engine's order for a story's versions, whose first
   * is the representative, and the order sort=oldest gives ({@link PublishedOrder}). A desk's 15:05
   * bulletin comes before its 18:10 correction of the same day.
   */
  public static final Comparator<StoryVersion> EARLIEST = Comparator
      .comparingLong((StoryVersion v) -> v.published().map(day -> PublishedOrder.key(day, v.time())).orElse(Long.MAX_VALUE))
      .thenComparing(StoryVersion::articleId);

  /** The version an article is. */
  public static StoryVersion of(org.morgue.article.Article article) {
    return new StoryVersion(article.id(), article.title(), article.source(), article.published(),
        DatePrecision.of(article), PublishedTime.of(article));
  }
}
