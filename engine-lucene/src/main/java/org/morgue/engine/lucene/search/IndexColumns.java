package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * The {@link SegmentColumns} of every segment of one reader, with each segment's facet ordinals
 * mapped to the reader's: counts are kept by the reader's ordinals, the ones
 * {@link SortedSetDocValuesReaderState} labels and ranges by dimension. Likewise each segment's story
 * ordinals are mapped to the reader's story ordinals (global ordinals of the story id), so a story
 * is one number in every segment and what is kept per story can live in arrays.
 *
 * <p>Cost: built once per refreshed reader; the mappings are rebuilt, the segments' columns come from
 * the cache. The story mapping merges every segment's story ids once (Lucene's {@link OrdinalMap}) and
 * keeps 4 bytes per story per segment it occurs in, about 4 MB for a million single-copy stories.
 */
final class IndexColumns {
  private final SortedSetDocValuesReaderState state;
  private final SegmentColumns[] segments;
  /** Per segment, its ordinals' places among the reader's; null where they are the same. */
  private final int[][] toGlobal;
  /** Per segment, its story ordinals' places among the reader's; null where they are the same. */
  private final int[][] storyToGlobal;
  private final int storyCount;

  private IndexColumns(SortedSetDocValuesReaderState state, SegmentColumns[] segments, int[][] toGlobal,
      int[][] storyToGlobal, int storyCount) {
    this.state = state;
    this.segments = segments;
    this.toGlobal = toGlobal;
    this.storyToGlobal = storyToGlobal;
    this.storyCount = storyCount;
  }

  /**
   * Reads (or takes from the cache) every segment's columns and maps their ordinals to the reader's.
   * Segments are read side by side on {@code executor} (if any): on a new server that is the first
   * search's wait.
   */
  static IndexColumns of(SortedSetDocValuesReaderState state, SegmentColumnsCache cache, Executor executor)
      throws IOException {
    IndexReader reader = state.getReader();
    List<LeafReaderContext> leaves = reader.leaves();
    SegmentColumns[] segments = new SegmentColumns[leaves.size()];
    int[][] toGlobal = new int[leaves.size()][];
    SortedSetDocValues values = state.getDocValues();
    OrdinalMap map = values instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    new TaskExecutor(executor == null ? Runnable::run : executor).invokeAll(leaves.stream()
        .<Callable<SegmentColumns>>map(leaf -> () -> segments[leaf.ord] = cache.of(leaf.reader()))
        .toList());
    for (LeafReaderContext leaf : leaves) {
      SegmentColumns segment = segments[leaf.ord];
      if (map != null) {
        LongValues global = map.getGlobalOrds(leaf.ord);
        int[] mapped = new int[segment.valueCount()];
        for (int ord = 0; ord < mapped.length; ord++) {
          mapped[ord] = Math.toIntExact(global.get(ord));
        }
        toGlobal[leaf.ord] = mapped;
      }
    }
    int[][] storyToGlobal = new int[leaves.size()][];
    int storyCount = mapStories(reader, segments, storyToGlobal);
    return new IndexColumns(state, segments, toGlobal, storyToGlobal, storyCount);
  }

  /** Fills each segment's story ordinals' places among the reader's; the reader's number of story ids. */
  private static int mapStories(IndexReader reader, SegmentColumns[] segments, int[][] storyToGlobal)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    if (leaves.size() <= 1) {
      return leaves.isEmpty() ? 0 : segments[0].storyCount();
    }
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      values[leaf.ord] = DocValues.getSorted(leaf.reader(), ArchiveSchema.STORY);
    }
    OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
    for (LeafReaderContext leaf : leaves) {
      LongValues global = map.getGlobalOrds(leaf.ord);
      int[] mapped = new int[segments[leaf.ord].storyCount()];
      for (int ord = 0; ord < mapped.length; ord++) {
        mapped[ord] = Math.toIntExact(global.get(ord));
      }
      storyToGlobal[leaf.ord] = mapped;
    }
    return Math.toIntExact(map.getValueCount());
  }

  /** The state whose ordinals the counts are kept by. */
  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** How many facet values the reader has: the size of an array of counts. */
  int valueCount() {
    return state.getSize();
  }

  /** The columns of the reader's segment {@code ord}. */
  SegmentColumns segment(int ord) {
    return segments[ord];
  }

  /** Where segment {@code ord}'s ordinals are among the reader's; null where they are the same. */
  int[] toGlobal(int ord) {
    return toGlobal[ord];
  }

  /**
   * How many story ids the reader has (stories whose every version was deleted included, until their
   * segments merge): the size of an array kept per story.
   */
  int storyCount() {
    return storyCount;
  }

  /** The story of document {@code doc} of segment {@code ord}, as the reader's story ordinal. */
  int story(int ord, int doc) {
    int story = segments[ord].story(doc);
    int[] mapped = storyToGlobal[ord];
    return mapped == null ? story : mapped[story];
  }

  /** How many of the collected matches carry each facet value, indexed by the reader's ordinals. */
  int[] count(FacetsCollector matches) throws IOException {
    int[] counts = new int[valueCount()];
    for (FacetsCollector.MatchingDocs hits : matches.getMatchingDocs()) {
      if (hits.totalHits() == 0) {
        continue;
      }
      DocIdSetIterator docs = hits.bits().iterator();
      if (docs != null) {
        int ord = hits.context().ord;
        segments[ord].countOrdinals(docs, toGlobal[ord], counts);
      }
    }
    return counts;
  }
}
