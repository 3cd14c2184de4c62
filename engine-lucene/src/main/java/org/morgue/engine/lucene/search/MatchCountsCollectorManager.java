package org.morgue.engine.lucene.search;

import org.morgue.search.DayCounts;
import org.morgue.search.TimelineCounts;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Collector;

/**
 * Counts facet values and publication days in the same pass that collects the hits, from the
 * columns held in memory: no set of matches is built and walked again afterwards. Within a segment
 * values are counted by the segment's ordinals, a small array, and added to the reader's once the
 * segment is done.
 */
final class MatchCountsCollectorManager implements CollectorManager<MatchCountsCollectorManager.Counter, MatchCounts> {
  private final IndexColumns columns;
  private final DayCounts.DayRange range;

  MatchCountsCollectorManager(IndexColumns columns, DayCounts.DayRange range) {
    this.columns = columns;
    this.range = range;
  }

  @Override
  public Counter newCollector() {
    return new Counter(columns, new MatchCounts(new int[columns.valueCount()], TimelineCounts.over(range)));
  }

  @Override
  public MatchCounts reduce(Collection<Counter> counters) {
    if (counters.size() == 1) {
      return counters.iterator().next().counts;
    }
    MatchCounts all = new MatchCounts(new int[columns.valueCount()], TimelineCounts.over(range));
    for (Counter counter : counters) {
      for (int ord = 0; ord < all.facets().length; ord++) {
        all.facets()[ord] += counter.counts.facets()[ord];
      }
      all.days().addAll(counter.counts.days());
    }
    return all;
  }

  /** Counts the matches of one slice of the index. */
  static final class Counter implements Collector {
    /** Matches counted together; see {@link SegmentColumns#countBatch}. */
    private static final int BATCH = 64;
    private final IndexColumns columns;
    private final MatchCounts counts;
    private final int[] batch = new int[BATCH];
    private final int[] ends = new int[BATCH];

    Counter(IndexColumns columns, MatchCounts counts) {
      this.columns = columns;
      this.counts = counts;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      SegmentColumns segment = columns.segment(context.ord);
      int[] toGlobal = columns.toGlobal(context.ord);
      int[] segmentCounts = new int[segment.valueCount()];
      TimelineCounts days = counts.days();
      return new LeafCollector() {
        private int size;

        @Override
        public void setScorer(Scorable scorer) {
          // Counting needs no scores.
        }

        @Override
        public void collect(int doc) {
          batch[size++] = doc;
          if (size == BATCH) {
            segment.countBatch(batch, ends, size, segmentCounts, days);
            size = 0;
          }
        }

        @Override
        public void finish() {
          segment.countBatch(batch, ends, size, segmentCounts, days);
          size = 0;
          SegmentColumns.addMapped(segmentCounts, toGlobal, counts.facets());
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
