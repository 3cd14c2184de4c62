package org.morgue.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of an article's date its source gave. A date is a day to every engine (it sorts and
 * filters as one), so a source that gives only the year, as the Brown samples and the early State of
 * the Union addresses do, is dated January 1 of it; the precision says that the day and month are
 * not the source's, so that no one reads or cites "1 January 1961" for "1961".
 */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR;

  /** The metadata key a source writes the precision under, e.g. {@code "date_precision": ["year"]}. */
  public static final String METADATA_KEY = "date_precision";

  /** The lower-case name the API and the page use: {@code day}, {@code month} or {@code year}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The date as ISO 8601 writes it to this precision: "1961", "1961-03" or "1961-03-04". */
  public String iso(LocalDate date) {
    String day = date.toString();
    return switch (this) {
      case YEAR -> day.substring(0, day.length() - 6);
      case MONTH -> day.substring(0, day.length() - 3);
      case DAY -> day;
    };
  }

  /** The day a date of this precision is kept as: January 1 of its year, the 1st of its month, or itself. */
  public LocalDate firstDay(LocalDate date) {
    return switch (this) {
      case YEAR -> date.withDayOfYear(1);
      case MONTH -> date.withDayOfMonth(1);
      case DAY -> date;
    };
  }

  /** The coarser of two precisions: a date written "1961" and said to be precise to the day is a year's. */
  public DatePrecision coarser(DatePrecision other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** The precision of an id ({@code "Year"} too), if it is one. */
  public static Optional<DatePrecision> fromId(String id) {
    for (DatePrecision precision : values()) {
      if (precision.id().equalsIgnoreCase(id.strip())) {
        return Optional.of(precision);
      }
    }
    return Optional.empty();
  }

  /**
   * The last day a date of this precision may stand for: the date itself to the day, the end of its
   * month or of its year otherwise. An article dated only to 1961 was published between January 1
   * and December 31, 1961, so a range of dates holds it only when it holds the whole year.
   */
  public LocalDate lastDay(LocalDate date) {
    return switch (this) {
      case YEAR -> date.withDayOfYear(date.lengthOfYear());
      case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
      case DAY -> date;
    };
  }

  /** The precision an article's metadata gives; a day when it says none, or something else. */
  public static DatePrecision of(Article article) {
    List<String> given = article.metadata().getOrDefault(METADATA_KEY, List.of());
    return given.size() == 1 ? fromId(given.get(0)).orElse(DAY) : DAY;
  }
}
