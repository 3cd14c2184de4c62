package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Facet counts kept by the reader's ordinals, read like Lucene's {@code SortedSetDocValuesFacetCounts}:
 * the top values of a dimension by count, ties in label order; every value with its count; one value's
 * count. Morgue's dimensions are flat, so a path below a dimension is refused.
 */
final class OrdinalFacetCounts extends Facets {
  private final SortedSetDocValuesReaderState state;
  private final int[] counts;
  private SortedSetDocValues labels;

  /** Counts {@code counts}, indexed by the ordinals of {@code state}. */
  OrdinalFacetCounts(SortedSetDocValuesReaderState state, int[] counts) {
    this.state = state;
    this.counts = counts;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    SortedSetDocValuesReaderState.OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    // The best so far, best first: ranked by count, then by ordinal, and ordinals follow the labels'
    // order, so ties read alphabetically. A short sorted array of ordinals: no boxing per value.
    int[] top = new int[Math.min(topN, range.end() - range.start() + 1)];
    int kept = 0;
    long total = 0;
    int children = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      int count = counts[ord];
      if (count == 0) {
        continue;
      }
      total += count;
      children++;
      // Ordinals come in ascending order, so a later one ranks below an earlier one with the same count.
      if (kept == top.length && count <= counts[top[kept - 1]]) {
        continue;
      }
      int at = kept == top.length ? kept - 1 : kept++;
      while (at > 0 && counts[top[at - 1]] < count) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = ord;
    }
    if (children == 0) {
      return null;
    }
    LabelAndValue[] values = new LabelAndValue[kept];
    for (int i = 0; i < kept; i++) {
      values[i] = new LabelAndValue(label(top[i]), counts[top[i]]);
    }
    return new FacetResult(dim, path, dimValue(dim, total), values, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    SortedSetDocValuesReaderState.OrdRange range = range(dim, path);
    if (range == null) {
      return null;
    }
    List<LabelAndValue> values = new ArrayList<>();
    long total = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) {
        total += counts[ord];
        values.add(new LabelAndValue(label(ord), counts[ord]));
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    return new FacetResult(dim, path, dimValue(dim, total), values.toArray(LabelAndValue[]::new), values.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException("facet dimensions are flat: give one value below '" + dim + "'");
    }
    long ord = labels().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) {
        results.add(result);
      }
    }
    results.sort(Comparator.comparingLong((FacetResult result) -> result.value.longValue()).reversed()
        .thenComparing(result -> result.dim));
    return results;
  }

  private SortedSetDocValuesReaderState.OrdRange range(String dim, String... path) {
    if (path.length > 0) {
      throw new IllegalArgumentException("facet dimensions are flat: '" + dim + "' has no values below its values");
    }
    return state.getOrdRange(dim);
  }

  /** A multi-valued dimension's total would count an article once per value, so like Lucene it is -1. */
  private Number dimValue(String dim, long total) {
    return state.getFacetsConfig().getDimConfig(dim).multiValued ? -1 : total;
  }

  private String label(int ord) throws IOException {
    String[] path = FacetsConfig.stringToPath(labels().lookupOrd(ord).utf8ToString());
    return path[path.length - 1];
  }

  private SortedSetDocValues labels() throws IOException {
    if (labels == null) {
      labels = state.getDocValues();
    }
    return labels;
  }
}
