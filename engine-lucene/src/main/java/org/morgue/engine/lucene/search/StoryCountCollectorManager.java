package org.morgue.engine.lucene.search;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the distinct stories among the matches, exactly, in the pass that collects them (for a
 * search that lists articles; one grouped by story counts them in {@link StoryFirsts}): one bit per
 * story of the index, set from the story ordinals held in {@link IndexColumns}.
 *
 * <p>Cost: an array read and a bit set per match; one bit per story of the index per slice (125 KB
 * for a million stories), allocated at the slice's first match.
 */
final class StoryCountCollectorManager implements CollectorManager<StoryCountCollectorManager.Counter, Long> {
  private final IndexColumns columns;

  StoryCountCollectorManager(IndexColumns columns) {
    this.columns = columns;
  }

  @Override
  public Counter newCollector() {
    return new Counter(columns);
  }

  @Override
  public Long reduce(Collection<Counter> counters) {
    FixedBitSet all = null;
    for (Counter counter : counters) {
      if (counter.stories == null) {
        continue;
      }
      if (all == null) {
        all = counter.stories;
      } else {
        all.or(counter.stories);
      }
    }
    return all == null ? 0L : all.cardinality();
  }

  /** Marks the stories of one slice's matches. */
  static final class Counter implements Collector {
    private final IndexColumns columns;
    private FixedBitSet stories;

    Counter(IndexColumns columns) {
      this.columns = columns;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int ord = context.ord;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {
          // Counting needs no scores.
        }

        @Override
        public void collect(int doc) {
          if (stories == null) {
            stories = new FixedBitSet(columns.storyCount());
          }
          stories.set(columns.story(ord, doc));
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
