package org.morgue.indexer.search;

/**
 * Matching articles per publication day, and how many of them are hedged at level medium and at
 * level high: the timeline and its "how sure was the coverage" line, counted in the same pass from
 * the day and hedging level held in {@link SegmentColumns}.
 *
 * @param all every dated match
 * @param medium the dated matches hedged at level medium
 * @param high the dated matches hedged at level high
 */
record TimelineCounts(DayCounts all, DayCounts medium, DayCounts high) {
  /** Empty counts for an index whose articles were published within {@code range}. */
  static TimelineCounts over(DayCounts.DayRange range) {
    return new TimelineCounts(new DayCounts(range), new DayCounts(range), new DayCounts(range));
  }

  /** Counts one dated match with its hedging level ({@link SegmentColumns#HEDGED_MEDIUM} and so on). */
  void add(int day, byte hedge) {
    all.add(day, 1);
    if (hedge == SegmentColumns.HEDGED_HIGH) {
      high.add(day, 1);
    } else if (hedge == SegmentColumns.HEDGED_MEDIUM) {
      medium.add(day, 1);
    }
  }

  /** Adds another slice's counts to these. */
  void addAll(TimelineCounts other) {
    all.addAll(other.all);
    medium.addAll(other.medium);
    high.addAll(other.high);
  }
}
