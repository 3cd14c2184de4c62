package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Sums the relevance scores of a query's matches, in all and per facet value, for ranking facet values
 * by significance ({@link FacetSignificance}). Each match's score is rounded to a thousandth first, as
 * the cluster engine's aggregation rounds it.
 *
 * <p>Cost: one more pass over every match, scored, reading its facet ordinals from the columns in
 * memory; only a search that asks for significance with words pays it.
 */
final class RelevanceSums implements CollectorManager<RelevanceSums.Summer, double[]> {
  private final IndexColumns columns;

  private RelevanceSums(IndexColumns columns) {
    this.columns = columns;
  }

  /** The relevance the matches of {@code query} carry, by the dimensions of the schema. */
  static FacetSignificance.Relevance of(IndexSearcher searcher, ReaderState state, Query query) throws IOException {
    IndexColumns columns = state.columns();
    double[] sums = searcher.search(query, new RelevanceSums(columns));
    SortedSetDocValuesReaderState facets = columns.state();
    SortedSetDocValues labels = facets.getDocValues();
    Map<String, Map<String, Double>> byValue = new HashMap<>();
    for (String dim : ArchiveSchema.FACETS) {
      SortedSetDocValuesReaderState.OrdRange range = facets.getOrdRange(dim);
      if (range == null) {
        continue;
      }
      Map<String, Double> values = new HashMap<>();
      for (int ord = range.start(); ord <= range.end(); ord++) {
        if (sums[ord] > 0) {
          String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
          values.put(path[path.length - 1], FacetSignificance.Relevance.rounded(sums[ord]));
        }
      }
      byValue.put(dim, values);
    }
    return new FacetSignificance.Relevance(FacetSignificance.Relevance.rounded(sums[columns.valueCount()]), byValue);
  }

  @Override
  public Summer newCollector() {
    return new Summer(columns, new double[columns.valueCount() + 1]);
  }

  /** Per facet ordinal of the reader, its matches' summed score; the last slot, every match's. */
  @Override
  public double[] reduce(Collection<Summer> summers) {
    double[] all = new double[columns.valueCount() + 1];
    for (Summer summer : summers) {
      for (int ord = 0; ord < all.length; ord++) {
        all[ord] += summer.sums[ord];
      }
    }
    return all;
  }

  /** Sums the scores of one slice of the index. */
  static final class Summer implements Collector {
    private final IndexColumns columns;
    private final double[] sums;

    Summer(IndexColumns columns, double[] sums) {
      this.columns = columns;
      this.sums = sums;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      SegmentColumns segment = columns.segment(context.ord);
      int[] toGlobal = columns.toGlobal(context.ord);
      double[] segmentSums = new double[segment.valueCount()];
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          double score = FacetSignificance.Relevance.rounded(scorer.score());
          segment.addWeight(doc, score, segmentSums);
          sums[sums.length - 1] += score;
        }

        @Override
        public void finish() {
          SegmentColumns.addMapped(segmentSums, toGlobal, sums);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
