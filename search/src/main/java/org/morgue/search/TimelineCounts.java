package org.morgue.search;

/**
 * Matching articles per publication day, and how many of them are hedged at level medium and at
 * level high: the timeline and its "how sure was the coverage" line, counted in the same pass from
 * the day and hedging level an engine keeps per article.
 *
 * @param all every dated match
 * @param medium the dated matches hedged at level medium
 * @param high the dated matches hedged at level high
 */
public record TimelineCounts(DayCounts all, DayCounts medium, DayCounts high) {
  /** Empty counts for an index whose articles were published within {@code range}. */
  public static TimelineCounts over(DayCounts.DayRange range) {
    return new TimelineCounts(new DayCounts(range), new DayCounts(range), new DayCounts(range));
  }

  /** Counts one dated match, hedged at level medium or high or neither. */
  public void add(int day, boolean hedgedMedium, boolean hedgedHigh) {
    all.add(day, 1);
    if (hedgedHigh) {
      high.add(day, 1);
    } else if (hedgedMedium) {
      medium.add(day, 1);
    }
  }

  /** Adds another slice's counts to these. */
  public void addAll(TimelineCounts other) {
    all.addAll(other.all);
    medium.addAll(other.medium);
    high.addAll(other.high);
  }
}
