package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.RelatedWeight;

/**
 * {@link RelatedWeight} of each document's {@link ArchiveSchema#TEXT_LENGTH}, the factor {@link
 * RelatedArticles} multiplies a candidate's score by. A document without the length counts in full.
 */
final class RelatedLengthWeight extends DoubleValuesSource {
  static final RelatedLengthWeight INSTANCE = new RelatedLengthWeight();

  private RelatedLengthWeight() {}

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    NumericDocValues lengths = DocValues.getNumeric(ctx.reader(), ArchiveSchema.TEXT_LENGTH);
    return new DoubleValues() {
      private double weight;

      @Override
      public double doubleValue() {
        return weight;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        weight = lengths.advanceExact(doc) ? RelatedWeight.of(lengths.longValue()) : 1.0;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, ArchiveSchema.TEXT_LENGTH);
  }

  @Override
  public int hashCode() {
    return RelatedLengthWeight.class.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RelatedLengthWeight;
  }

  @Override
  public String toString() {
    return "relatedWeight(" + ArchiveSchema.TEXT_LENGTH + ")";
  }
}
