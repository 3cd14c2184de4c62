package org.morgue.search;

import java.util.Arrays;

/**
 * Matching articles per publication day (epoch day to count), counted without boxing: the timeline
 * counts every match of a query, so a boxed map cost more than Lucene's own facet counting on broad
 * queries. A few days go in an open-addressing table; once there are many, and the index's range of
 * days is known, they go in an array over that range, which needs no sorting at the end.
 */
public final class DayCounts {
  /** No real epoch day: {@code LocalDate} stops at about ±365 billion days. */
  private static final long FREE = Long.MIN_VALUE;
  private static final int INITIAL_SLOTS = 64;
  /** Distinct days after which counting moves to an array over the index's range. */
  public static final int ARRAY_AFTER_DAYS = 1_024;
  /** Ranges longer than this (about 27,000 years) are never counted in an array. */
  private static final long LONGEST_ARRAY = 10_000_000;

  private final DayRange range;
  private long[] days = newTable(INITIAL_SLOTS);
  private long[] counts = new long[INITIAL_SLOTS];
  private int size;
  /**
   * Counts by day minus the range's first day, once there are many days; the table then holds only
   * days outside the range.
   */
  private int[] byDay;

  /**
   * The first and last publication day in an index: every day a query there can count.
   */
  public record DayRange(long first, long last) {
    public static final DayRange NONE = new DayRange(0, -1);

    long length() {
      return last - first + 1;
    }
  }

  /**
   * The days with their counts, oldest first.
   *
   * @param days ascending epoch days, each with at least one article
   * @param counts the count of each day, by index
   */
  public record Series(long[] days, long[] counts) {
    /** No days. */
    public static final Series NONE = new Series(new long[0], new long[0]);

    boolean isEmpty() {
      return days.length == 0;
    }

    /** The sum of the counts. */
    long total() {
      long total = 0;
      for (long count : counts) {
        total += count;
      }
      return total;
    }
  }

  /** Counts days with no range known: always in the table. */
  public DayCounts() {
    this(DayRange.NONE);
  }

  /** Counts days of an index whose articles were published within {@code range}. */
  DayCounts(DayRange range) {
    this.range = range;
  }

  /** Adds {@code count} articles on an epoch day. */
  public void add(long day, long count) {
    if (byDay != null && day >= range.first() && day <= range.last()) {
      byDay[(int) (day - range.first())] += (int) count;
      return;
    }
    put(day, count);
    if (byDay == null && size > ARRAY_AFTER_DAYS && range.length() > 0 && range.length() <= LONGEST_ARRAY) {
      moveToArray();
    } else if (size * 2 > days.length) {
      // Half full at most, so probe runs stay short.
      rehash(days.length * 2);
    }
  }

  private void put(long day, long count) {
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
  }

  /** Adds every day of another count to this one. */
  public void addAll(DayCounts other) {
    for (int slot = 0; slot < other.days.length; slot++) {
      if (other.days[slot] != FREE) {
        add(other.days[slot], other.counts[slot]);
      }
    }
    if (other.byDay != null) {
      for (int i = 0; i < other.byDay.length; i++) {
        if (other.byDay[i] != 0) {
          add(other.range.first() + i, other.byDay[i]);
        }
      }
    }
  }

  /** The counted days in chronological order. */
  public Series series() {
    long[] tableDays = new long[size];
    int at = 0;
    for (long day : days) {
      if (day != FREE) {
        tableDays[at++] = day;
      }
    }
    Arrays.sort(tableDays);
    int arrayDays = 0;
    if (byDay != null) {
      for (int count : byDay) {
        arrayDays += count == 0 ? 0 : 1;
      }
    }
    // The table's days lie outside the array's range: before it, or after it.
    long[] sorted = new long[tableDays.length + arrayDays];
    long[] sortedCounts = new long[sorted.length];
    int next = 0;
    int table = 0;
    while (table < tableDays.length && byDay != null && tableDays[table] < range.first()) {
      sorted[next] = tableDays[table];
      sortedCounts[next++] = tableCount(tableDays[table++]);
    }
    if (byDay != null) {
      for (int i = 0; i < byDay.length; i++) {
        if (byDay[i] != 0) {
          sorted[next] = range.first() + i;
          sortedCounts[next++] = byDay[i];
        }
      }
    }
    while (table < tableDays.length) {
      sorted[next] = tableDays[table];
      sortedCounts[next++] = tableCount(tableDays[table++]);
    }
    return new Series(sorted, sortedCounts);
  }

  private long tableCount(long day) {
    int mask = days.length - 1;
    int slot = slot(day, mask);
    while (days[slot] != day) {
      slot = (slot + 1) & mask;
    }
    return counts[slot];
  }

  private void moveToArray() {
    byDay = new int[(int) range.length()];
    rehash(days.length);
  }

  /** Moves the table's days to a table of {@code slots}, or to the array where they are in its range. */
  private void rehash(int slots) {
    long[] oldDays = days;
    long[] oldCounts = counts;
    days = newTable(slots);
    counts = new long[slots];
    size = 0;
    for (int slot = 0; slot < oldDays.length; slot++) {
      long day = oldDays[slot];
      if (day == FREE) {
        continue;
      }
      if (byDay != null && day >= range.first() && day <= range.last()) {
        byDay[(int) (day - range.first())] += (int) oldCounts[slot];
      } else {
        put(day, oldCounts[slot]);
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
