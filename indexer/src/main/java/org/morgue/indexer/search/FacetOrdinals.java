package org.morgue.indexer.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * The facet ordinals of every segment of one reader, with each segment's ordinals mapped to the
 * reader's: counts are kept by the reader's ordinals, the ones {@link SortedSetDocValuesReaderState}
 * labels and ranges by dimension. Built once per refreshed reader; the mapping is rebuilt, the
 * segments' ordinals come from the cache.
 */
final class FacetOrdinals {
  private final SortedSetDocValuesReaderState state;
  private final SegmentFacetOrdinals[] segments;
  /** Per segment, its ordinals' places among the reader's; null where they are the same. */
  private final int[][] toGlobal;

  private FacetOrdinals(SortedSetDocValuesReaderState state, SegmentFacetOrdinals[] segments, int[][] toGlobal) {
    this.state = state;
    this.segments = segments;
    this.toGlobal = toGlobal;
  }

  /** Reads (or takes from the cache) every segment's ordinals and maps them to the reader's. */
  static FacetOrdinals of(SortedSetDocValuesReaderState state, FacetOrdinalCache cache) throws IOException {
    IndexReader reader = state.getReader();
    List<LeafReaderContext> leaves = reader.leaves();
    SegmentFacetOrdinals[] segments = new SegmentFacetOrdinals[leaves.size()];
    int[][] toGlobal = new int[leaves.size()][];
    SortedSetDocValues values = state.getDocValues();
    OrdinalMap map = values instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    for (LeafReaderContext leaf : leaves) {
      SegmentFacetOrdinals segment = cache.of(leaf.reader());
      segments[leaf.ord] = segment;
      if (map != null) {
        LongValues global = map.getGlobalOrds(leaf.ord);
        int[] mapped = new int[segment.valueCount()];
        for (int ord = 0; ord < mapped.length; ord++) {
          mapped[ord] = Math.toIntExact(global.get(ord));
        }
        toGlobal[leaf.ord] = mapped;
      }
    }
    return new FacetOrdinals(state, segments, toGlobal);
  }

  /** The state whose ordinals the counts are kept by. */
  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** How many of the collected matches carry each facet value, indexed by the reader's ordinals. */
  int[] count(FacetsCollector matches) throws IOException {
    int[] counts = new int[state.getSize()];
    for (FacetsCollector.MatchingDocs hits : matches.getMatchingDocs()) {
      if (hits.totalHits() == 0) {
        continue;
      }
      DocIdSetIterator docs = hits.bits().iterator();
      if (docs != null) {
        int ord = hits.context().ord;
        segments[ord].count(docs, toGlobal[ord], counts);
      }
    }
    return counts;
  }
}
