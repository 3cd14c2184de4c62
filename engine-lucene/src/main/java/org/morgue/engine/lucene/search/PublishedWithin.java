package org.morgue.engine.lucene.search;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.SearchRequest;

/**
 * The articles whose publication date lies wholly within a range of days: from {@code from} (or
 * earlier ones, for {@link Long#MIN_VALUE}) to {@code to} (or later, for {@link Long#MAX_VALUE}).
 * An article dated only to a month or a year stands for every day of it, so it is within a range
 * that holds that whole month or year: a search of January 1961 does not find a clipping dated 1961,
 * as the timeline's January bar does not count it, and a search of 1961 does.
 */
public final class PublishedWithin {
  private PublishedWithin() {}

  /** The query; the OpenSearch engine translates it as it does a parsed one. */
  public static Query days(long from, long to) {
    if (to == Long.MAX_VALUE) {
      return LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED, from, to);
    }
    // Its first day may not come before the range, nor its last day after it. An article dated to
    // the day has no last day of its own (its first is its last), so the range holds the articles
    // whose first day it holds but those whose last day comes after it.
    return new BooleanQuery.Builder()
        .add(LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED, from, to), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED_END, to + 1, Long.MAX_VALUE), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /** The query for a request's {@code from} and {@code to}; empty when it gives neither. */
  public static Optional<Query> days(SearchRequest request) {
    return request.from().isEmpty() && request.to().isEmpty() ? Optional.empty()
        : Optional.of(days(firstDay(request), lastDay(request)));
  }

  /**
   * The articles a request's dates hold only part of: dated to a month or year that runs past one of
   * its ends (a clipping dated 1961, for January to June 1961). {@link #days} leaves them out, so the
   * answer can say how many; empty when the request gives no dates and so holds every date.
   */
  public static Optional<Query> partlyWithin(SearchRequest request) {
    return partlyWithin(firstDay(request), lastDay(request));
  }

  private static long firstDay(SearchRequest request) {
    return request.from().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
  }

  private static long lastDay(SearchRequest request) {
    return request.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
  }

  private static Optional<Query> partlyWithin(long from, long to) {
    if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
      return Optional.empty();
    }
    // Only an article dated less precisely than a day has a last day of its own, and only such an
    // article can be partly within a range.
    return Optional.of(new BooleanQuery.Builder()
        .add(LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED, Long.MIN_VALUE, to), BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED_END, from, Long.MAX_VALUE), BooleanClause.Occur.FILTER)
        .add(days(from, to), BooleanClause.Occur.MUST_NOT)
        .build());
  }
}
