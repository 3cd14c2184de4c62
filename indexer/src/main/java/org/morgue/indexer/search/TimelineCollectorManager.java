package org.morgue.indexer.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.morgue.indexer.index.ArchiveSchema;

/**
 * Counts matching articles per publication day in the same pass that collects the hits, from the
 * {@code published} doc values: one pass, however many buckets the timeline ends up with.
 */
final class TimelineCollectorManager
    implements CollectorManager<TimelineCollectorManager.DayCounter, NavigableMap<Long, Long>> {

  @Override
  public DayCounter newCollector() {
    return new DayCounter();
  }

  @Override
  public NavigableMap<Long, Long> reduce(Collection<DayCounter> counters) {
    NavigableMap<Long, Long> days = new TreeMap<>();
    for (DayCounter counter : counters) {
      counter.counts.forEach((day, count) -> days.merge(day, count, Long::sum));
    }
    return days;
  }

  /** Counts the days of the matches of one slice of the index. */
  static final class DayCounter extends SimpleCollector {
    private final Map<Long, Long> counts = new HashMap<>();
    private NumericDocValues published;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      published = DocValues.getNumeric(context.reader(), ArchiveSchema.PUBLISHED);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (published.advanceExact(doc)) {
        counts.merge(published.longValue(), 1L, Long::sum);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
