package org.morgue.indexer.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedTime;

/**
 * A publication date as a source wrote it: the day it stands for, how much of it the source gave
 * ("1961" is a year's, kept as its January 1), and the time of day when it gave one.
 *
 * @param day the date, the first day of its month or year when the source gave no more
 * @param precision how much of the date the source gave
 * @param time the time of day, when the source wrote one with a date to the day
 */
record PublishedDate(LocalDate day, DatePrecision precision, Optional<PublishedTime> time) {
  PublishedDate {
    day = precision.firstDay(day);
    time = precision == DatePrecision.DAY ? time : Optional.empty();
  }

  /** A date without a time of day. */
  PublishedDate(LocalDate day, DatePrecision precision) {
    this(day, precision, Optional.empty());
  }

  /** Records the precision in an article's metadata, where a date less precise than a day says so. */
  void describe(Map<String, List<String>> metadata) {
    describe(metadata, false);
  }

  /**
   * Records the precision in an article's metadata as the API says it ("Year" is "year"), replacing
   * what the source wrote there; a day's is written only when {@code statedByTheSource}, so that a
   * source that says "day" keeps saying so.
   */
  void describe(Map<String, List<String>> metadata, boolean statedByTheSource) {
    metadata.remove(DatePrecision.METADATA_KEY);
    if (statedByTheSource || precision != DatePrecision.DAY) {
      metadata.put(DatePrecision.METADATA_KEY, List.of(precision.id()));
    }
    metadata.remove(PublishedTime.METADATA_KEY);
    time.ifPresent(given -> metadata.put(PublishedTime.METADATA_KEY, List.of(given.iso())));
  }
}
