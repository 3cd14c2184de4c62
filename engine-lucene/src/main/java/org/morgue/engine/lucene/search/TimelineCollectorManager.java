package org.morgue.engine.lucene.search;

import org.morgue.search.DayCounts;
import org.morgue.search.TimelineCounts;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching articles per publication day in the same pass that collects the hits, from the
 * days held in {@link IndexColumns}: one pass, however many buckets the timeline ends up with. Used
 * where facets are counted apart (drill sideways); elsewhere {@link MatchCountsCollectorManager}
 * counts days and facets together.
 */
final class TimelineCollectorManager
    implements CollectorManager<TimelineCollectorManager.DayCounter, TimelineCounts> {
  private final IndexColumns columns;
  private final DayCounts.DayRange range;

  /** Counts days of an index whose articles were published within {@code range}. */
  TimelineCollectorManager(IndexColumns columns, DayCounts.DayRange range) {
    this.columns = columns;
    this.range = range;
  }

  @Override
  public DayCounter newCollector() {
    return new DayCounter(columns, TimelineCounts.over(range));
  }

  @Override
  public TimelineCounts reduce(Collection<DayCounter> counters) {
    if (counters.size() == 1) {
      return counters.iterator().next().counts;
    }
    TimelineCounts days = TimelineCounts.over(range);
    for (DayCounter counter : counters) {
      days.addAll(counter.counts);
    }
    return days;
  }

  /** Counts the days of the matches of one slice of the index. */
  static final class DayCounter extends SimpleCollector {
    private final IndexColumns columns;
    private final TimelineCounts counts;
    private SegmentColumns segment;

    DayCounter(IndexColumns columns, TimelineCounts counts) {
      this.columns = columns;
      this.counts = counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      segment = columns.segment(context.ord);
    }

    @Override
    public void collect(int doc) {
      int day = segment.day(doc);
      if (day != SegmentColumns.NO_DAY) {
        byte hedge = segment.hedge(doc);
        counts.add(day, segment.precision(doc), hedge == SegmentColumns.HEDGED_MEDIUM, hedge == SegmentColumns.HEDGED_HIGH);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
