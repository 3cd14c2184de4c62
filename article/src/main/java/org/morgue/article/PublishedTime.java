package org.morgue.article;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The time of day an article was published, when its source gave one: a wire service files a
 * bulletin at 15:05 and its correction at 18:10 of the same day, and a desk reads which came first
 * by the clock, not by the id. The date stays the article's {@link Article#published() published}
 * day (a day is what every engine filters, counts and sorts by); the time is kept beside it in the
 * metadata, as the date's precision is, so that no stored field or index changes shape for it.
 *
 * <p>Kept to the second, with the offset from UTC when the source gave one ({@code 15:01:01},
 * {@code 10:00:00+01:00}); a Reuters time of {@code 15:01:01.79} is 15:01:01.
 *
 * @param time the local time of day as written
 * @param offset the offset it was written with, when the source gave one
 */
public record PublishedTime(LocalTime time, Optional<ZoneOffset> offset) {
  /** The metadata key a time is written under, as ISO 8601 writes it: {@code ["15:01:01"]}. */
  public static final String METADATA_KEY = "published_time";

  public PublishedTime {
    time = time.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The time as ISO 8601 writes it, with seconds always: {@code 15:05:00}, {@code 10:00:00+01:00}. */
  public String iso() {
    // The formatter, unlike LocalTime.toString, writes ":00" seconds too; fractions were dropped.
    String local = time.format(DateTimeFormatter.ISO_LOCAL_TIME);
    return offset.map(zone -> local + zone.getId()).orElse(local);
  }

  /**
   * Seconds from the day's midnight, in UTC where the offset is known: what orders a day's versions.
   * From -14 hours (a time just after midnight at +14:00) to 36 hours (just before midnight at -12:00).
   */
  public long secondsIntoTheDay() {
    return time.toSecondOfDay() - offset.map(ZoneOffset::getTotalSeconds).orElse(0);
  }

  /**
   * A time as {@link #iso()} writes it (or with fractions of a second, or without seconds), if it is
   * one.
   */
  public static Optional<PublishedTime> parse(String text) {
    String trimmed = text.strip();
    try {
      OffsetTime offsetTime = OffsetTime.parse(trimmed);
      return Optional.of(new PublishedTime(offsetTime.toLocalTime(), Optional.of(offsetTime.getOffset())));
    } catch (DateTimeParseException e) {
      // No offset: a local time, or not a time at all.
    }
    try {
      return Optional.of(new PublishedTime(LocalTime.parse(trimmed), Optional.empty()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The time an article's metadata gives. Only a date to the day has one: a time of day under "1961"
   * says nothing.
   */
  public static Optional<PublishedTime> of(Article article) {
    if (article.published().isEmpty() || DatePrecision.of(article) != DatePrecision.DAY) {
      return Optional.empty();
    }
    List<String> given = article.metadata().getOrDefault(METADATA_KEY, List.of());
    return given.size() == 1 ? parse(given.get(0)) : Optional.empty();
  }
}
