package org.morgue.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where an article stands in {@link SortOrder#ADDED}: the write it entered the archive with, then
 * its publication date, packed into one long that both engines index and sort on.
 *
 * <p>A write is one commit's worth of articles: a {@code morgue index} run (each of its intermediate
 * commits), or one change over the API. Writes are numbered 1, 2, 3 in each archive; an article keeps
 * the number of the write that first brought it in, whatever is written to it later (a correction, a
 * new collection), and loses it only when deleted. Numbers rather than clock times, so that two
 * engines that were given the same writes order the same articles the same way, however fast each
 * one was.
 *
 * <p>Within a write, articles come newest published first and undated last, as {@link
 * SortOrder#NEWEST} orders them: an archive indexed in one run lists by {@code added} exactly as by
 * {@code newest}. One long rather than two sort fields because both engines rank a story's versions
 * by one field then the score (see the embedded engine's {@code MatchOrder}).
 */
public final class AddedOrder {
  /** Bits of the key that hold the publication date: days from {@link #FIRST_DAY}, 0 for none. */
  private static final int DAY_BITS = 23;
  /** 1 January of the year -9999: every date a reader accepts is later. */
  private static final long FIRST_DAY = LocalDate.of(-9999, 1, 1).toEpochDay();
  private static final long LAST_DAY_OFFSET = (1L << DAY_BITS) - 1;

  private AddedOrder() {}

  /** The key of an article that entered the archive with write {@code write} (0 for an unnumbered one). */
  public static long key(long write, Optional<LocalDate> published) {
    if (write < 0 || write >= 1L << (Long.SIZE - 1 - DAY_BITS)) {
      throw new IllegalArgumentException("write number out of range: " + write);
    }
    long day = published.map(date -> Math.clamp(date.toEpochDay() - FIRST_DAY + 1, 1, LAST_DAY_OFFSET)).orElse(0L);
    return write << DAY_BITS | day;
  }

  /** The write a key was made with. */
  public static long write(long key) {
    return key >>> DAY_BITS;
  }
}
