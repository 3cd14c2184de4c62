package org.morgue.search;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.morgue.article.DatePrecision;

/**
 * How many matching articles were published in each period, oldest period first. Periods between the
 * first and the last match are all listed, empty ones with a count of 0, so the buckets can be drawn
 * as they are; so are the periods of the dates asked for ({@code from}, {@code to}) that the archive
 * holds, before the first match and after the last; undated articles are not counted. Each period also carries the whole archive's count
 * for it (so attention can be drawn as a share of the archive) and how many of its matches are
 * hedged at level medium and high (how sure the coverage was, and when).
 *
 * <p>A bucket holds only the matches dated at least as finely as it is wide: a clipping dated only
 * to 1961 is in the year 1961, and in no month or day of it, where it would make a spike on January
 * 1. Those left out are counted apart ({@code lessPrecise}).
 *
 * @param interval the width of every bucket
 * @param buckets the periods in chronological order
 * @param lessPrecise the dated matches no bucket holds, because their dates are given less precisely
 *     than the interval (only to the year, counted by month or day; only to the month, counted by day)
 * @param shares the same matches counted per wider period, where this timeline's periods mostly hold
 *     fewer than {@link #SHARE_BASE} of the archive's articles, so a share of each says little (empty
 *     where its own periods serve): what a chart of shares of the archive draws. They run over the
 *     search's range (the dates asked for, else the archive's), where this timeline's run over its matches
 */
public record Timeline(TimelineInterval interval, List<TimelineBucket> buckets, long lessPrecise, Optional<Timeline> shares) {
  /** The most buckets a timeline holds; a finer interval that would need more is coarsened. */
  public static final int MAX_BUCKETS = 1_000;
  /** Matches spanning more days than this are counted by year when no interval is asked for. */
  static final long YEARS_ABOVE_DAYS = 15 * 366;
  /**
   * Matches spanning more days than this (and not more than {@link #YEARS_ABOVE_DAYS}) are counted by
   * month: a quarter's days are about 90 bars, where a year's 365 were a pixel or two wide each on
   * the page, and two matches a year apart drew a chart that looked empty.
   */
  static final long MONTHS_ABOVE_DAYS = 92;

  /**
   * A share of a period's archive is drawn per period wide enough that at least half the periods that
   * hold any article hold this many: over an archive of one State of the Union address a year, each
   * year's share of "economy" was 0% or 100% (1 or 2 articles), a sawtooth that said nothing of the
   * trend; by decade each share stands on about ten.
   */
  public static final int SHARE_BASE = 5;

  public Timeline {
    buckets = List.copyOf(buckets);
  }

  /**
   * {@link #SHARE_BASE}, carried by every timeline so a client that explains why shares are drawn per
   * wider periods says the number the server used rather than a copy of it.
   */
  public int shareBase() {
    return SHARE_BASE;
  }

  /** A timeline whose own periods serve for shares too. */
  public Timeline(TimelineInterval interval, List<TimelineBucket> buckets, long lessPrecise) {
    this(interval, buckets, lessPrecise, Optional.empty());
  }

  /** A timeline every match is placed in. */
  public Timeline(TimelineInterval interval, List<TimelineBucket> buckets) {
    this(interval, buckets, 0);
  }

  /**
   * One period and its counts.
   *
   * @param key the period, e.g. {@code 2019} or {@code 2019-05}
   * @param count the matching articles published in it
   * @param archiveCount every article in the archive published in it, matching or not, whatever the
   *     filters: {@code count / archiveCount} is the share of the period's coverage that matched
   * @param mediumHedged how many of the period's matches are hedged at level medium
   * @param highHedged how many of the period's matches are hedged at level high
   */
  public record TimelineBucket(String key, long count, long archiveCount, long mediumHedged, long highHedged) {
    /** A period with only its count of matches: nothing known of the archive or of hedging. */
    public TimelineBucket(String key, long count) {
      this(key, count, 0, 0, 0);
    }
  }

  /** Buckets per-day counts of matches dated to the day alone; the other counts of each bucket are 0. */
  public static Timeline of(DayCounts dayCounts, Optional<TimelineInterval> requested) {
    TimelineCounts counts = new TimelineCounts();
    counts.dated(DatePrecision.DAY).all().addAll(dayCounts);
    return of(counts, DatedSeries.NONE, requested);
  }

  /** Buckets per-day counts over the span of the matches alone (no dates asked for). */
  public static Timeline of(TimelineCounts matches, DatedSeries archive, Optional<TimelineInterval> requested) {
    return of(matches, archive, requested, Optional.empty(), Optional.empty());
  }

  /**
   * Buckets per-day counts. The interval is the one asked for, else chosen from the span of the
   * matches' dates and coarsened while it would leave out most of them for their precision; then
   * coarsened until the buckets fit in {@link #MAX_BUCKETS}. The matches decide the buckets; the
   * archive's days and the hedged matches' days are summed into them, of the same precisions.
   *
   * <p>With dates asked for, the buckets run from the period of {@code from} to that of {@code to}
   * where those lie beyond the matches, empty periods counted 0: a journalist who asked for 1959 to
   * 1963 saw a chart starting at 1961, and two years with no match, themselves a finding, were not
   * drawn. Only as far as the archive holds dated articles (a range to 2100 adds no empty future),
   * and only when every period then fits in {@link #MAX_BUCKETS}; otherwise the matches' span alone.
   *
   * @param archive every article's days, whatever the query, for each bucket's archive count
   * @param from the earliest publication date asked for, if any
   * @param to the latest publication date asked for, if any; the {@code shares}, where there are,
   *     run over these dates, or over the archive's where none are asked for
   */
  public static Timeline of(TimelineCounts matches, DatedSeries archive, Optional<TimelineInterval> requested,
      Optional<LocalDate> from, Optional<LocalDate> to) {
    Timeline counted = counted(matches, archive, requested, from, to);
    // Wider periods run over the search's range, the dates asked for or else the archive's, not the
    // matches' alone: a share of 0% is a finding ("jury" is in no address after the 1960s), and a
    // comparison drawn per these periods then never runs past the bars.
    LocalDate[] held = heldSpan(archive);
    Optional<LocalDate> rangeFrom = held.length == 2 ? from.or(() -> Optional.of(held[0])) : from;
    Optional<LocalDate> rangeTo = held.length == 2 ? to.or(() -> Optional.of(held[1])) : to;
    Timeline shares = counted;
    while (thin(shares) && shares.interval() != TimelineInterval.DECADE) {
      shares = counted(matches, archive, Optional.of(shares.interval().coarser()), rangeFrom, rangeTo);
    }
    return shares == counted ? counted : new Timeline(counted.interval(), counted.buckets(), counted.lessPrecise(),
        Optional.of(shares));
  }

  /**
   * Whether fewer than half the periods holding any of the archive's articles hold {@link #SHARE_BASE}:
   * the shares of such a timeline are mostly of one or two articles.
   */
  private static boolean thin(Timeline timeline) {
    long held = timeline.buckets().stream().filter(bucket -> bucket.archiveCount() > 0).count();
    long based = timeline.buckets().stream().filter(bucket -> bucket.archiveCount() >= SHARE_BASE).count();
    return held > 0 && 2 * based < held;
  }

  private static Timeline counted(TimelineCounts matches, DatedSeries archive, Optional<TimelineInterval> requested,
      Optional<LocalDate> from, Optional<LocalDate> to) {
    DatedSeries all = matches.allSeries();
    long dated = all.total();
    if (dated == 0) {
      return new Timeline(requested.orElse(TimelineInterval.YEAR), List.of());
    }
    TimelineInterval interval = requested.orElseGet(() -> chosen(all));
    DayCounts.Series series = all.drawnAt(interval);
    while (interval.finerThanYear() && !series.isEmpty() && periods(interval, series) > MAX_BUCKETS) {
      interval = interval.coarser();
      series = all.drawnAt(interval);
    }
    if (series.isEmpty()) {
      return new Timeline(interval, List.of(), dated);
    }
    long[] days = series.days();
    long[] counts = series.counts();
    LocalDate first = interval.start(LocalDate.ofEpochDay(days[0]));
    LocalDate last = interval.start(LocalDate.ofEpochDay(days[days.length - 1]));
    // More than a thousand years apart: list only the years that have articles, the oldest thousand.
    boolean everyPeriod = periods(interval, first, last) <= MAX_BUCKETS;
    LocalDate[] held = heldSpan(archive);
    if (everyPeriod && held.length == 2) {
      LocalDate before = interval.start(max(from.orElse(first), held[0]));
      LocalDate after = interval.start(min(to.orElse(last), held[1]));
      LocalDate widerFirst = min(before, first);
      LocalDate widerLast = max(after, last);
      if (periods(interval, widerFirst, widerLast) <= MAX_BUCKETS) {
        first = widerFirst;
        last = widerLast;
      }
    }
    List<String> keys = new ArrayList<>();
    // Each bucket's first day, and the day after its last: the other series are summed between them.
    List<long[]> spans = new ArrayList<>();
    List<Long> bucketCounts = new ArrayList<>();
    // The days are sorted, so each bucket's days follow one another: one walk sums them.
    LocalDate start = first;
    long nextStart = interval.next(start).toEpochDay();
    long count = 0;
    for (int i = 0; i < days.length; i++) {
      while (days[i] >= nextStart) {
        if (everyPeriod || count > 0) {
          keys.add(interval.key(start));
          spans.add(new long[] {start.toEpochDay(), nextStart});
          bucketCounts.add(count);
        }
        count = 0;
        start = everyPeriod ? interval.next(start) : interval.start(LocalDate.ofEpochDay(days[i]));
        nextStart = interval.next(start).toEpochDay();
      }
      count += counts[i];
    }
    keys.add(interval.key(start));
    spans.add(new long[] {start.toEpochDay(), nextStart});
    bucketCounts.add(count);
    // The periods asked for after the last match, empty.
    while (everyPeriod && start.isBefore(last)) {
      start = interval.next(start);
      nextStart = interval.next(start).toEpochDay();
      keys.add(interval.key(start));
      spans.add(new long[] {start.toEpochDay(), nextStart});
      bucketCounts.add(0L);
    }
    int size = Math.min(keys.size(), MAX_BUCKETS);
    long[] archiveCounts = sums(archive.drawnAt(interval), spans, size);
    long[] medium = sums(matches.series(TimelineCounts.Dated::medium).drawnAt(interval), spans, size);
    long[] high = sums(matches.series(TimelineCounts.Dated::high).drawnAt(interval), spans, size);
    List<TimelineBucket> buckets = new ArrayList<>(size);
    for (int b = 0; b < size; b++) {
      buckets.add(new TimelineBucket(keys.get(b), bucketCounts.get(b), archiveCounts[b], medium[b], high[b]));
    }
    return new Timeline(interval, buckets, all.notDrawnAt(interval));
  }

  /** Sums a series' counts within each of the first {@code size} spans; both are in chronological order. */
  private static long[] sums(DayCounts.Series series, List<long[]> spans, int size) {
    long[] sums = new long[size];
    long[] days = series.days();
    long[] counts = series.counts();
    int i = 0;
    for (int b = 0; b < size && i < days.length; b++) {
      long[] span = spans.get(b);
      while (i < days.length && days[i] < span[0]) {
        i++;
      }
      while (i < days.length && days[i] < span[1]) {
        sums[b] += counts[i++];
      }
    }
    return sums;
  }

  /**
   * The interval for matches when none is asked for: by their span, then coarser while more than
   * half of them are dated too coarsely for it (a search of 1961's year-only clippings is counted by
   * year, not as a single day).
   */
  private static TimelineInterval chosen(DatedSeries all) {
    LocalDate[] span = heldSpan(all);
    long spanDays = span.length == 0 ? 0 : span[1].toEpochDay() - span[0].toEpochDay();
    TimelineInterval interval = spanDays > YEARS_ABOVE_DAYS ? TimelineInterval.YEAR
        : spanDays > MONTHS_ABOVE_DAYS ? TimelineInterval.MONTH : TimelineInterval.DAY;
    while (interval.finerThanYear() && 2 * all.notDrawnAt(interval) > all.total()) {
      interval = interval.coarser();
    }
    return interval;
  }

  private static long periods(TimelineInterval interval, DayCounts.Series series) {
    return periods(interval, LocalDate.ofEpochDay(series.days()[0]),
        LocalDate.ofEpochDay(series.days()[series.days().length - 1]));
  }

  /** The first and last day a series holds dated articles on, whatever their precision; empty when none. */
  private static LocalDate[] heldSpan(DatedSeries archive) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (DatePrecision precision : DatePrecision.values()) {
      long[] days = archive.of(precision).days();
      if (days.length > 0) {
        first = Math.min(first, days[0]);
        last = Math.max(last, days[days.length - 1]);
      }
    }
    return first > last ? new LocalDate[0] : new LocalDate[] {LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last)};
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static long periods(TimelineInterval interval, LocalDate first, LocalDate last) {
    ChronoUnit unit = switch (interval) {
      case YEAR -> ChronoUnit.YEARS;
      case MONTH -> ChronoUnit.MONTHS;
      case DAY -> ChronoUnit.DAYS;
      case DECADE -> ChronoUnit.DECADES;
    };
    return unit.between(interval.start(first), interval.start(last)) + 1;
  }
}
