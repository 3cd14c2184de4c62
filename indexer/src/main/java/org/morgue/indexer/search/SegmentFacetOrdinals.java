package org.morgue.indexer.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;

/**
 * One segment's facet ordinals read into two arrays: where each document's ordinals start, and the
 * ordinals. Counting a match is then a few array reads, where the doc values cost a decode per
 * ordinal; on a million articles with twenty facet values each that is most of a faceted search.
 *
 * <p>Segments never change once written, so one copy serves every reader that shares the segment;
 * deletions need no care because the matches counted never include a deleted article.
 */
final class SegmentFacetOrdinals {
  private final int[] starts;
  private final int[] ordinals;
  private final int valueCount;

  private SegmentFacetOrdinals(int[] starts, int[] ordinals, int valueCount) {
    this.starts = starts;
    this.ordinals = ordinals;
    this.valueCount = valueCount;
  }

  /** Reads every document's ordinals of {@code field} in one pass over its doc values. */
  static SegmentFacetOrdinals read(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    int maxDoc = segment.maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ordinals = new int[Math.max(16, maxDoc * 8)];
    int size = 0;
    int next = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      // Documents without facets (none in practice) start and end where the next one starts.
      while (next <= doc) {
        starts[next++] = size;
      }
      int count = values.docValueCount();
      if (size + count > ordinals.length) {
        ordinals = ArrayUtil.grow(ordinals, size + count);
      }
      for (int i = 0; i < count; i++) {
        ordinals[size++] = Math.toIntExact(values.nextOrd());
      }
    }
    while (next <= maxDoc) {
      starts[next++] = size;
    }
    return new SegmentFacetOrdinals(starts, ArrayUtil.copyOfSubArray(ordinals, 0, size),
        Math.toIntExact(values.getValueCount()));
  }

  /** How many distinct facet values the segment has: its ordinals run from 0 to this, exclusive. */
  int valueCount() {
    return valueCount;
  }

  /**
   * Adds one to {@code counts[toGlobal[ordinal]]} for every ordinal of every document {@code docs}
   * lists; {@code toGlobal} is null where segment and index ordinals are the same.
   */
  void count(DocIdSetIterator docs, int[] toGlobal, int[] counts) throws IOException {
    int[] starts = this.starts;
    int[] ordinals = this.ordinals;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      int end = starts[doc + 1];
      if (toGlobal == null) {
        for (int i = starts[doc]; i < end; i++) {
          counts[ordinals[i]]++;
        }
      } else {
        for (int i = starts[doc]; i < end; i++) {
          counts[toGlobal[ordinals[i]]]++;
        }
      }
    }
  }

  /** Heap used, for the index stats and the benchmark's heap figure. */
  long bytes() {
    return 4L * (starts.length + ordinals.length);
  }
}
