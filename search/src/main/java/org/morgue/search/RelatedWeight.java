package org.morgue.search;

/**
 * How much a candidate's likeness counts in {@link SearchEngine#related}, by the length of its text:
 * fully up to {@value #FULL_WEIGHT_CHARS} characters, and beyond that the square root of that length
 * over its own, so a text four times as long counts half.
 *
 * <p>Why: a related list is a disjunction of the source article's most telling terms, and a text long
 * enough to hold every word matches all of them. BM25 should make such a text pay for its length, but
 * it measures length against the archive's mean, which one such text inflates in a small archive: a
 * the State of the Union addresses of 1790-1899 imported as one text (5 MB) led 13 of the 46 other
 * lists of a 47-article archive (RelatedBesideAGiantTextTest), as a 6.5 MB import did for a user. The square root is
 * the length normalisation of the vector-space view of likeness (cosine, Lucene's classic
 * similarity), and it spares every article of the shipped corpus: the longest, Carter's 1981 written
 * message, has 217,385 characters. A giant text still leads when it is several times likelier than
 * anything else.
 *
 * <p>Every engine applies this same function to the same length, {@link
 * org.morgue.article.Article#textLength()}, as a factor of the related query's score.
 */
public final class RelatedWeight {
  /** The longest text, in characters, whose likeness counts in full. */
  public static final long FULL_WEIGHT_CHARS = 250_000;

  private RelatedWeight() {}

  /** The factor of a candidate with {@code textLength} characters of text: 1 up to the limit, then less. */
  public static double of(long textLength) {
    return Math.min(1.0, Math.sqrt((double) FULL_WEIGHT_CHARS / Math.max(1, textLength)));
  }
}
