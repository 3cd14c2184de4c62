package org.morgue.indexer.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.morgue.article.DatePrecision;

/**
 * A publication date as a source wrote it: the day it stands for, and how much of it the source gave
 * ("1961" is a year's, kept as its January 1).
 *
 * @param day the date, the first day of its month or year when the source gave no more
 * @param precision how much of the date the source gave
 */
record PublishedDate(LocalDate day, DatePrecision precision) {
  PublishedDate {
    day = precision.firstDay(day);
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
  }
}
