package org.morgue.engine.lucene.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches a set of docs found earlier over one reader (each story's first match, see
 * {@link StoryFirsts}), with a constant score of 1 like {@link org.apache.lucene.search.MatchAllDocsQuery}:
 * as a FILTER clause it narrows a query without changing its scores.
 *
 * <p>Invariant: only searched over the reader it was made for (doc ids mean nothing in another), and
 * never cached, since it equals only itself. Cost: one bit per doc of the reader.
 */
final class DocSetQuery extends Query {
  private final IndexReader reader;
  private final FixedBitSet[] docsBySegment;
  private final long[] counts;

  /** The docs of {@code reader} set in {@code docsBySegment}, indexed by segment ord. */
  DocSetQuery(IndexReader reader, FixedBitSet[] docsBySegment) {
    this.reader = reader;
    this.docsBySegment = docsBySegment;
    this.counts = new long[docsBySegment.length];
    for (int i = 0; i < docsBySegment.length; i++) {
      counts[i] = docsBySegment[i].cardinality();
    }
  }

  /** How many docs the set holds. */
  long count() {
    long count = 0;
    for (long segment : counts) {
      count += segment;
    }
    return count;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        if (ReaderUtil.getTopLevelContext(context).reader() != reader) {
          throw new IllegalStateException("a doc set is searched over another reader than it was made for");
        }
        if (counts[context.ord] == 0) {
          return null;
        }
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode,
            new BitSetIterator(docsBySegment[context.ord], counts[context.ord])));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  @Override
  public String toString(String field) {
    return "DocSetQuery(" + count() + " docs)";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
