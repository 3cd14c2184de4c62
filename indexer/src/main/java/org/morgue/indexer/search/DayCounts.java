package org.morgue.indexer.search;

import java.util.Arrays;

/**
 * Matching articles per publication day (epoch day to count), in an open-addressing table of
 * primitives: the timeline counts every match of a query, so a boxed map cost more than Lucene's
 * own facet counting on broad queries.
 */
final class DayCounts {
  /** No real epoch day: {@code LocalDate} stops at about ±365 billion days. */
  private static final long FREE = Long.MIN_VALUE;
  private static final int INITIAL_SLOTS = 64;

  private long[] days = newTable(INITIAL_SLOTS);
  private long[] counts = new long[INITIAL_SLOTS];
  private int size;

  /**
   * The days with their counts, oldest first.
   *
   * @param days ascending epoch days, each with at least one article
   * @param counts the count of each day, by index
   */
  record Series(long[] days, long[] counts) {
    boolean isEmpty() {
      return days.length == 0;
    }
  }

  /** Adds {@code count} articles on an epoch day. */
  void add(long day, long count) {
    int mask = days.length - 1;
    int slot = slot(day, mask);
    while (days[slot] != FREE && days[slot] != day) {
      slot = (slot + 1) & mask;
    }
    if (days[slot] == FREE) {
      days[slot] = day;
      size++;
    }
    counts[slot] += count;
    // Half full at most, so probe runs stay short.
    if (size * 2 > days.length) {
      grow();
    }
  }

  /** Adds every day of another count to this one. */
  void addAll(DayCounts other) {
    for (int slot = 0; slot < other.days.length; slot++) {
      if (other.days[slot] != FREE) {
        add(other.days[slot], other.counts[slot]);
      }
    }
  }

  /** The counted days in chronological order. */
  Series series() {
    long[] sorted = new long[size];
    int at = 0;
    for (long day : days) {
      if (day != FREE) {
        sorted[at++] = day;
      }
    }
    Arrays.sort(sorted);
    long[] sortedCounts = new long[size];
    int mask = days.length - 1;
    for (int i = 0; i < sorted.length; i++) {
      int slot = slot(sorted[i], mask);
      while (days[slot] != sorted[i]) {
        slot = (slot + 1) & mask;
      }
      sortedCounts[i] = counts[slot];
    }
    return new Series(sorted, sortedCounts);
  }

  private void grow() {
    long[] oldDays = days;
    long[] oldCounts = counts;
    days = newTable(oldDays.length * 2);
    counts = new long[oldDays.length * 2];
    size = 0;
    for (int slot = 0; slot < oldDays.length; slot++) {
      if (oldDays[slot] != FREE) {
        add(oldDays[slot], oldCounts[slot]);
      }
    }
  }

  private static long[] newTable(int slots) {
    long[] table = new long[slots];
    Arrays.fill(table, FREE);
    return table;
  }

  /** Consecutive days are common; mixing the bits spreads them over the table. */
  private static int slot(long day, int mask) {
    long mixed = day * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }
}
