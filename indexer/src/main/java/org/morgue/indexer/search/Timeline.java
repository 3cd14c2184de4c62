package org.morgue.indexer.search;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How many matching articles were published in each period, oldest period first. Periods between the
 * first and the last match are all listed, empty ones with a count of 0, so the buckets can be drawn
 * as they are; undated articles are not counted.
 *
 * @param interval the width of every bucket
 * @param buckets the periods in chronological order
 */
public record Timeline(TimelineInterval interval, List<TimelineBucket> buckets) {
  /** The most buckets a timeline holds; a finer interval that would need more is coarsened. */
  public static final int MAX_BUCKETS = 1_000;
  /** Matches spanning more days than this are counted by year when no interval is asked for. */
  static final long YEARS_ABOVE_DAYS = 15 * 366;
  /** Matches spanning more days than this (and not more than {@link #YEARS_ABOVE_DAYS}) are counted by month. */
  static final long MONTHS_ABOVE_DAYS = 366;

  public Timeline {
    buckets = List.copyOf(buckets);
  }

  /** One period and its count. */
  public record TimelineBucket(String key, long count) {}

  /**
   * Buckets per-day counts. The interval is the one asked for, else chosen from the span of the dates,
   * then coarsened until the buckets fit in {@link #MAX_BUCKETS}.
   */
  static Timeline of(DayCounts dayCounts, Optional<TimelineInterval> requested) {
    DayCounts.Series series = dayCounts.series();
    if (series.isEmpty()) {
      return new Timeline(requested.orElse(TimelineInterval.YEAR), List.of());
    }
    long[] days = series.days();
    long[] counts = series.counts();
    LocalDate first = LocalDate.ofEpochDay(days[0]);
    LocalDate last = LocalDate.ofEpochDay(days[days.length - 1]);
    TimelineInterval interval = requested.orElseGet(() -> chosen(days[days.length - 1] - days[0]));
    while (interval != TimelineInterval.YEAR && periods(interval, first, last) > MAX_BUCKETS) {
      interval = interval.coarser();
    }
    // More than a thousand years apart: list only the years that have articles, the oldest thousand.
    boolean everyPeriod = periods(interval, first, last) <= MAX_BUCKETS;
    List<TimelineBucket> buckets = new ArrayList<>();
    // The days are sorted, so each bucket's days follow one another: one walk sums them.
    LocalDate start = interval.start(first);
    long nextStart = interval.next(start).toEpochDay();
    long count = 0;
    for (int i = 0; i < days.length; i++) {
      while (days[i] >= nextStart) {
        if (everyPeriod || count > 0) {
          buckets.add(new TimelineBucket(interval.key(start), count));
        }
        count = 0;
        start = everyPeriod ? interval.next(start) : interval.start(LocalDate.ofEpochDay(days[i]));
        nextStart = interval.next(start).toEpochDay();
      }
      count += counts[i];
    }
    buckets.add(new TimelineBucket(interval.key(start), count));
    return new Timeline(interval, buckets.size() > MAX_BUCKETS ? buckets.subList(0, MAX_BUCKETS) : buckets);
  }

  private static TimelineInterval chosen(long spanDays) {
    if (spanDays > YEARS_ABOVE_DAYS) {
      return TimelineInterval.YEAR;
    }
    return spanDays > MONTHS_ABOVE_DAYS ? TimelineInterval.MONTH : TimelineInterval.DAY;
  }

  private static long periods(TimelineInterval interval, LocalDate first, LocalDate last) {
    ChronoUnit unit = switch (interval) {
      case YEAR -> ChronoUnit.YEARS;
      case MONTH -> ChronoUnit.MONTHS;
      case DAY -> ChronoUnit.DAYS;
    };
    return unit.between(interval.start(first), interval.start(last)) + 1;
  }
}
