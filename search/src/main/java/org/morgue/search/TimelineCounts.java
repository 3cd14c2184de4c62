package org.morgue.search;

import java.util.function.Function;
import org.morgue.article.DatePrecision;

/**
 * Matching articles per publication day, and how many of them are hedged at level medium and at
 * level high: the timeline and its "how sure was the coverage" line, counted in the same pass from
 * the day, date precision and hedging level an engine keeps per article.
 *
 * <p>Articles are counted apart by how much of their date the source gave: one dated only to 1961
 * sits on January 1 like one published that day, and only the precision tells the timeline that it
 * belongs to no month or day of 1961.
 */
public final class TimelineCounts {
  private final Dated[] byPrecision = new Dated[DatePrecision.values().length];

  /**
   * The counts of the articles dated to one precision.
   *
   * @param all every dated match
   * @param medium the dated matches hedged at level medium
   * @param high the dated matches hedged at level high
   */
  public record Dated(DayCounts all, DayCounts medium, DayCounts high) {
    Dated(DayCounts.DayRange range) {
      this(new DayCounts(range), new DayCounts(range), new DayCounts(range));
    }

    void add(int day, boolean hedgedMedium, boolean hedgedHigh) {
      all.add(day, 1);
      if (hedgedHigh) {
        high.add(day, 1);
      } else if (hedgedMedium) {
        medium.add(day, 1);
      }
    }

    void addAll(Dated other) {
      all.addAll(other.all);
      medium.addAll(other.medium);
      high.addAll(other.high);
    }
  }

  /** Empty counts, with no range of days known. */
  public TimelineCounts() {
    this(DayCounts.DayRange.NONE);
  }

  private TimelineCounts(DayCounts.DayRange range) {
    for (DatePrecision precision : DatePrecision.values()) {
      // Only day-precise articles are many; the others stay in a small table.
      byPrecision[precision.ordinal()] = new Dated(precision == DatePrecision.DAY ? range : DayCounts.DayRange.NONE);
    }
  }

  /** Empty counts for an index whose articles were published within {@code range}. */
  public static TimelineCounts over(DayCounts.DayRange range) {
    return new TimelineCounts(range);
  }

  /** Counts one dated match, hedged at level medium or high or neither. */
  public void add(int day, DatePrecision precision, boolean hedgedMedium, boolean hedgedHigh) {
    byPrecision[precision.ordinal()].add(day, hedgedMedium, hedgedHigh);
  }

  /** Adds another slice's counts to these. */
  public void addAll(TimelineCounts other) {
    for (int i = 0; i < byPrecision.length; i++) {
      byPrecision[i].addAll(other.byPrecision[i]);
    }
  }

  /** The counts of the articles dated to {@code precision}. */
  public Dated dated(DatePrecision precision) {
    return byPrecision[precision.ordinal()];
  }

  /** Every dated match's day, whatever its precision: what an archive's timeline sums. */
  public DatedSeries allSeries() {
    return series(Dated::all);
  }

  /** The days of one of the counts ({@link Dated#all}, {@link Dated#medium} or {@link Dated#high}), by precision. */
  public DatedSeries series(Function<Dated, DayCounts> counts) {
    return new DatedSeries(counts.apply(dated(DatePrecision.DAY)).series(),
        counts.apply(dated(DatePrecision.MONTH)).series(), counts.apply(dated(DatePrecision.YEAR)).series());
  }
}
