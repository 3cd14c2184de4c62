package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * A request's sort (see {@link RequestQuery#sort()}) as primitive values, for ranking matches outside
 * Lucene's collectors (a story's first match, see {@link StoryFirsts}): a match's place is the sorted
 * field's value (none when sorted by relevance), then its score, then its id.
 *
 * <p>Invariant: two places compare exactly as Lucene's comparators compare the same docs (a missing
 * value counts as the sort's missing value, a descending field and the score are reversed, a double
 * compares as {@link Double#compare} does), and {@link #sortValues} are the values a
 * {@link org.apache.lucene.search.TopFieldCollector} would put in a {@link FieldDoc}: so a page ranked
 * here, and its cursor, are interchangeable with one Lucene collected.
 *
 * <p>Cost: a field's value is one doc-values read per match; comparing is a few primitive compares
 * (the id, which only breaks ties, is compared by whoever holds it).
 */
final class MatchOrder {
  private final String field;
  private final boolean isDouble;
  private final boolean descending;
  private final long missing;

  private MatchOrder(String field, boolean isDouble, boolean descending, long missing) {
    this.field = field;
    this.isDouble = isDouble;
    this.descending = descending;
    this.missing = missing;
  }

  /**
   * Reads a sort of the shapes {@link RequestQuery} builds: the score, or a long or double field
   * then the score; then the id.
   *
   * @throws IllegalStateException for any other shape: ranking it here would disagree with Lucene
   */
  static MatchOrder of(Sort sort) {
    SortField[] fields = sort.getSort();
    SortField last = fields[fields.length - 1];
    boolean endsInId = last instanceof SortedSetSortField id && id.getField().equals(ArchiveSchema.ID)
        && !id.getReverse();
    if (endsInId && fields.length == 2 && isScore(fields[0])) {
      return new MatchOrder(null, false, false, 0);
    }
    if (endsInId && fields.length == 3 && isScore(fields[1])
        && (fields[0].getType() == SortField.Type.LONG || fields[0].getType() == SortField.Type.DOUBLE)) {
      SortField by = fields[0];
      boolean isDouble = by.getType() == SortField.Type.DOUBLE;
      Object missing = by.getMissingValue();
      long sortableMissing = isDouble
          ? NumericUtils.doubleToSortableLong(missing == null ? 0.0 : (Double) missing)
          : (missing == null ? 0L : (Long) missing);
      return new MatchOrder(by.getField(), isDouble, by.getReverse(), sortableMissing);
    }
    throw new IllegalStateException("cannot rank matches by this sort outside Lucene: " + sort);
  }

  private static boolean isScore(SortField field) {
    return field.getType() == SortField.Type.SCORE && !field.getReverse();
  }

  /** Whether a field comes before the score (else the score comes first). */
  boolean hasField() {
    return field != null;
  }

  /** Where the score is among {@link #sortValues}. */
  int scoreIndex() {
    return hasField() ? 1 : 0;
  }

  /** Where the id is among {@link #sortValues}. */
  int idIndex() {
    return scoreIndex() + 1;
  }

  /**
   * Compares two places by field and score only: negative when {@code a} comes first, 0 when only
   * their ids can tell them apart.
   */
  int compare(long valueA, float scoreA, long valueB, float scoreB) {
    if (field != null) {
      int byField = Long.compare(valueA, valueB);
      if (byField != 0) {
        return descending ? -byField : byField;
      }
    }
    return Float.compare(scoreB, scoreA);
  }

  /** Reads the sorted field of one segment's docs, in increasing doc order. */
  FieldValues values(LeafReader segment) throws IOException {
    if (field == null) {
      return doc -> 0L;
    }
    NumericDocValues values = DocValues.getNumeric(segment, field);
    if (isDouble) {
      // Stored as raw double bits; compared as Double.compare does, which the sortable form keeps.
      return doc -> values.advanceExact(doc)
          ? NumericUtils.doubleToSortableLong(Double.longBitsToDouble(values.longValue()))
          : missing;
    }
    return doc -> values.advanceExact(doc) ? values.longValue() : missing;
  }

  /** A segment's sorted field, read doc by doc in increasing order. */
  @FunctionalInterface
  interface FieldValues {
    /** The doc's value as compared (the sort's missing value if it has none); 0 without a field. */
    long value(int doc) throws IOException;
  }

  /** The values a collector puts in a hit's {@link FieldDoc#fields}, in the sort's order. */
  Object[] sortValues(long value, float score, BytesRef id) {
    if (field == null) {
      return new Object[] {score, id};
    }
    Object fieldValue = isDouble ? (Object) NumericUtils.sortableLongToDouble(value) : (Object) value;
    return new Object[] {fieldValue, score, id};
  }

  /** The cursor's field value as compared (0 without a field). */
  long value(FieldDoc after) {
    if (field == null) {
      return 0L;
    }
    Object value = after.fields[0];
    return isDouble ? NumericUtils.doubleToSortableLong((Double) value) : (Long) value;
  }

  /** The cursor's score. */
  float score(FieldDoc after) {
    return (Float) after.fields[scoreIndex()];
  }

  /** The cursor's id. */
  BytesRef id(FieldDoc after) {
    return (BytesRef) after.fields[idIndex()];
  }
}
