package org.morgue.indexer.story;

/**
 * The parameters of copy detection, one set per archive: signatures and band keys made with
 * different parameters cannot be compared, so indexing and lookup must share this one record.
 *
 * <p><b>What "same story" means.</b> Two bodies are copies of one story when at least {@link
 * #minContainment()} of the shorter body's {@link #shingleWords()}-word shingles also occur in the
 * longer body (containment, counted by {@link CopyDecision}). Containment rather than Jaccard because a
 * paper that cuts the last half of a wire story still runs the same story: the cut copy shares all
 * of its own shingles with the original but only half of the original's.
 *
 * <p><b>How candidates are found.</b> A signature of {@link #hashes()} = b x r minima is cut into b
 * bands of r rows; each band is one key. Two articles become candidates when they share any band
 * key, which happens with probability {@code 1 - (1 - J^r)^b} for Jaccard similarity J (the
 * S-curve, {@link #candidateProbability(double)}). Only candidates are compared; an article is never
 * compared with the whole archive. The band lookup works on Jaccard, so a copy cut to a small share
 * of the original (say a third) may never become a candidate even though its containment is 1: the
 * rows per band are chosen so that the shortest copies the edits make (half the original) are found.
 *
 * @param shingleWords words per shingle
 * @param bands b, the number of band keys per article
 * @param rows r, the minima per band
 * @param minContainment the least containment of a copy (a short body needs more: {@link CopyDecision})
 */
public record CopyDetection(int shingleWords, int bands, int rows, double minContainment) {
  /**
   * Morgue's parameters, chosen on the dev part of eval/copies only (eval/README.md). Five-word
   * shingles: long enough that two different stories on one event rarely share one outside a quoted
   * phrase, short enough that a changed figure removes only five. 42 bands of 3 rows (126 hashes):
   * the S-curve gives a pair at Jaccard 0.3 a 0.68 chance of becoming a candidate, 0.4 0.94, 0.5
   * 0.996, 0.6 above 0.9999, while an unrelated pair at Jaccard 0.02 has 0.0003. On the dev part every
   * containment threshold from 0.3 to 0.6 gave the same result (no hard negative decided a copy, 946
   * of 948 copies found; the two missed were never candidates, at Jaccard 0.44); 0.5, "half of the
   * shorter text", is the middle of that range. 64 bands of 2 rows found all 948 on dev, but would
   * offer many more unrelated candidates in a large archive (64 J^2 against 42 J^3 per pair).
   */
  public static final CopyDetection STANDARD = new CopyDetection(5, 42, 3, 0.5);

  public CopyDetection {
    if (shingleWords < 1 || bands < 1 || rows < 1) {
      throw new IllegalArgumentException("shingle words, bands and rows must be positive, got "
          + shingleWords + ", " + bands + ", " + rows);
    }
    if (!(minContainment > 0 && minContainment <= 1)) {
      throw new IllegalArgumentException("minimum containment must be in (0, 1], got " + minContainment);
    }
  }

  /** How many hash functions a signature has: bands times rows. */
  public int hashes() {
    return bands * rows;
  }

  /** The chance that two bodies with this Jaccard similarity share at least one band key. */
  public double candidateProbability(double jaccard) {
    return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
  }
}
