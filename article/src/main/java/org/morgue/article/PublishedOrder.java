package org.morgue.article;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One number that sorts articles by publication as {@code sort=newest} and {@code oldest} list them:
 * by day, then within a day by the time of day where the source gave one (a desk's 15:05 bulletin
 * before its 18:10 correction), an article without a time at the day's end, as a story's versions
 * are listed ({@code StoryVersion.EARLIEST}). Both engines sort on it; the day is what they filter,
 * facet and draw by, and it is the key divided by {@link #SLOTS}.
 *
 * <p>A day holds {@link #SLOTS} slots: the seconds into the day in UTC where an offset is known
 * ({@link PublishedTime}), from 14 hours before the day's midnight (an offset of +14:00) to 14 hours
 * after its end, and a last slot for no time. An archive without times keeps every key a multiple of
 * {@code SLOTS} plus one constant, which Lucene's doc values store as compactly as the day alone.
 */
public final class PublishedOrder {
  /** The most seconds a zone's offset moves a local time: UTC+14:00 is the farthest (UTC-12:00 the other way). */
  private static final int FOURTEEN_HOURS = 14 * 3600;
  /** Slots a day holds: every UTC-adjusted second of it, then one for no time. */
  public static final long SLOTS = 86_400 + 2L * FOURTEEN_HOURS + 1;

  private PublishedOrder() {}

  /** The key of a date and its time of day, if the source gave one. */
  public static long key(LocalDate day, Optional<PublishedTime> time) {
    // Java allows offsets to ±18:00, which no zone uses; such a time stays within its day's slots.
    long slot = time.map(given -> Math.clamp(given.secondsIntoTheDay() + FOURTEEN_HOURS, 0, SLOTS - 2)).orElse(SLOTS - 1);
    return day.toEpochDay() * SLOTS + slot;
  }

  /** The key of an article's date and time; the article must be dated. */
  public static long of(Article article) {
    return key(article.published().orElseThrow(), PublishedTime.of(article));
  }

  /** The day (epoch day) a key is of. */
  public static long day(long key) {
    return Math.floorDiv(key, SLOTS);
  }
}
