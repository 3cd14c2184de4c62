package org.morgue.indexer.search;

import java.io.IOException;
import java.util.Collection;
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
    implements CollectorManager<TimelineCollectorManager.DayCounter, DayCounts> {
  private final DayCounts.DayRange range;

  /** Counts days of an index whose articles were published within {@code range}. */
  TimelineCollectorManager(DayCounts.DayRange range) {
    this.range = range;
  }

  @Override
  public DayCounter newCollector() {
    return new DayCounter(new DayCounts(range));
  }

  @Override
  public DayCounts reduce(Collection<DayCounter> counters) {
    if (counters.size() == 1) {
      return counters.iterator().next().counts;
    }
    DayCounts days = new DayCounts(range);
    for (DayCounter counter : counters) {
      days.addAll(counter.counts);
    }
    return days;
  }

  /** Counts the days of the matches of one slice of the index. */
  static final class DayCounter extends SimpleCollector {
    private final DayCounts counts;
    private NumericDocValues published;

    DayCounter(DayCounts counts) {
      this.counts = counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      published = DocValues.getNumeric(context.reader(), ArchiveSchema.PUBLISHED);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (published.advanceExact(doc)) {
        counts.add(published.longValue(), 1);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
