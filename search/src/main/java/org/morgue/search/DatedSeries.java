package org.morgue.search;

import java.util.Arrays;
import org.morgue.article.DatePrecision;

/**
 * Articles per day, apart for each precision their dates were given to: what a timeline draws from.
 * A bucket of a month or a day can only hold the articles dated at least that finely.
 *
 * @param days the articles dated to the day
 * @param months the articles dated only to the month, each on its month's first day
 * @param years the articles dated only to the year, each on its January 1
 */
public record DatedSeries(DayCounts.Series days, DayCounts.Series months, DayCounts.Series years) {
  /** No articles. */
  public static final DatedSeries NONE = new DatedSeries(DayCounts.Series.NONE, DayCounts.Series.NONE,
      DayCounts.Series.NONE);

  /** The series of one precision. */
  public DayCounts.Series of(DatePrecision precision) {
    return switch (precision) {
      case DAY -> days;
      case MONTH -> months;
      case YEAR -> years;
    };
  }

  /** The articles a timeline counted by {@code interval} can place: those dated at least that finely, merged. */
  public DayCounts.Series drawnAt(TimelineInterval interval) {
    DayCounts.Series drawn = DayCounts.Series.NONE;
    for (DatePrecision precision : DatePrecision.values()) {
      if (interval.draws(precision)) {
        drawn = merged(drawn, of(precision));
      }
    }
    return drawn;
  }

  /** How many articles are dated less precisely than {@code interval}: a timeline counted by it cannot place them. */
  public long notDrawnAt(TimelineInterval interval) {
    long notDrawn = 0;
    for (DatePrecision precision : DatePrecision.values()) {
      if (!interval.draws(precision)) {
        notDrawn += of(precision).total();
      }
    }
    return notDrawn;
  }

  /** Every article, whatever its precision. */
  public long total() {
    return days.total() + months.total() + years.total();
  }

  private static DayCounts.Series merged(DayCounts.Series a, DayCounts.Series b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    long[] days = new long[a.days().length + b.days().length];
    long[] counts = new long[days.length];
    int i = 0;
    int j = 0;
    int size = 0;
    while (i < a.days().length || j < b.days().length) {
      long day = j == b.days().length || i < a.days().length && a.days()[i] <= b.days()[j] ? a.days()[i] : b.days()[j];
      days[size] = day;
      while (i < a.days().length && a.days()[i] == day) {
        counts[size] += a.counts()[i++];
      }
      while (j < b.days().length && b.days()[j] == day) {
        counts[size] += b.counts()[j++];
      }
      size++;
    }
    return new DayCounts.Series(Arrays.copyOf(days, size), Arrays.copyOf(counts, size));
  }
}
