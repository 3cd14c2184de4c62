package org.morgue.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.morgue.article.DatePrecision;

/** The width of a timeline bucket. */
public enum TimelineInterval {
  /** One bucket per calendar year, keyed {@code 1961}. */
  YEAR,
  /** One bucket per calendar month, keyed {@code 1961-05}. */
  MONTH,
  /** One bucket per day, keyed {@code 1961-05-17}. */
  DAY,
  /**
   * One bucket per decade, keyed {@code 1960s} (1960 to 1969): for shares of an archive that holds one
   * or two articles a year, where a year's share is all or nothing.
   */
  DECADE;

  /** The name used in the API, e.g. {@code month}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static TimelineInterval fromId(String id) throws InvalidQueryException {
    for (TimelineInterval interval : values()) {
      if (interval.id().equalsIgnoreCase(id.trim())) {
        return interval;
      }
    }
    throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.INTERVAL, "unknown interval '" + id + "'; use one of "
        + Arrays.stream(values()).map(TimelineInterval::id).collect(Collectors.joining(", ")));
  }

  /** The first day of the bucket holding a date. */
  LocalDate start(LocalDate date) {
    return switch (this) {
      case YEAR -> date.withDayOfYear(1);
      case MONTH -> date.withDayOfMonth(1);
      case DAY -> date;
      case DECADE -> LocalDate.of(date.getYear() - Math.floorMod(date.getYear(), 10), 1, 1);
    };
  }

  /** The first day of the next bucket. */
  LocalDate next(LocalDate start) {
    return switch (this) {
      case YEAR -> start.plusYears(1);
      case MONTH -> start.plusMonths(1);
      case DAY -> start.plusDays(1);
      case DECADE -> start.plusYears(10);
    };
  }

  /** The bucket's key in the API. */
  public String key(LocalDate start) {
    return switch (this) {
      case YEAR -> year(start.getYear());
      case MONTH -> year(start.getYear()) + (start.getMonthValue() < 10 ? "-0" : "-") + start.getMonthValue();
      case DAY -> start.toString();
      case DECADE -> year(start.getYear()) + "s";
    };
  }

  /** The year padded to four digits; by hand, as a timeline formats hundreds of keys per search. */
  private static String year(int year) {
    if (year < 0 || year > 9999) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    String digits = Integer.toString(year);
    return "0000".substring(digits.length()) + digits;
  }

  /** Whether a bucket this wide can hold an article dated to {@code precision}: a month's cannot hold one dated 1961. */
  boolean draws(DatePrecision precision) {
    return switch (this) {
      case YEAR, DECADE -> true;
      case MONTH -> precision != DatePrecision.YEAR;
      case DAY -> precision == DatePrecision.DAY;
    };
  }

  /** The coarser interval, or this one if there is none. */
  TimelineInterval coarser() {
    return switch (this) {
      case DAY -> MONTH;
      case MONTH -> YEAR;
      case YEAR, DECADE -> DECADE;
    };
  }

  /** Whether a bucket this wide is narrower than a year: the intervals chosen by span alone stop at the year. */
  boolean finerThanYear() {
    return this == DAY || this == MONTH;
  }
}
