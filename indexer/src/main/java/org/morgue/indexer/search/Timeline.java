package org.morgue.indexer.search;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

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
   *
   * @param dayCounts matching articles per day (epoch day to count)
   */
  static Timeline of(NavigableMap<Long, Long> dayCounts, Optional<TimelineInterval> requested) {
    if (dayCounts.isEmpty()) {
      return new Timeline(requested.orElse(TimelineInterval.YEAR), List.of());
    }
    LocalDate first = LocalDate.ofEpochDay(dayCounts.firstKey());
    LocalDate last = LocalDate.ofEpochDay(dayCounts.lastKey());
    TimelineInterval interval = requested.orElseGet(() -> chosen(dayCounts.lastKey() - dayCounts.firstKey()));
    while (interval != TimelineInterval.YEAR && periods(interval, first, last) > MAX_BUCKETS) {
      interval = interval.coarser();
    }
    NavigableMap<LocalDate, Long> counts = new TreeMap<>();
    for (Map.Entry<Long, Long> day : dayCounts.entrySet()) {
      counts.merge(interval.start(LocalDate.ofEpochDay(day.getKey())), day.getValue(), Long::sum);
    }
    List<TimelineBucket> buckets = new ArrayList<>();
    if (periods(interval, first, last) <= MAX_BUCKETS) {
      for (LocalDate start = interval.start(first); !start.isAfter(last); start = interval.next(start)) {
        buckets.add(new TimelineBucket(interval.key(start), counts.getOrDefault(start, 0L)));
      }
    } else {
      // More than a thousand years apart: list only the years that have articles, the oldest thousand.
      for (Map.Entry<LocalDate, Long> year : counts.entrySet()) {
        if (buckets.size() == MAX_BUCKETS) {
          break;
        }
        buckets.add(new TimelineBucket(interval.key(year.getKey()), year.getValue()));
      }
    }
    return new Timeline(interval, buckets);
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
