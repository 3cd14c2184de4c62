package org.morgue.indexer.story;

import java.util.Arrays;

/**
 * An article's MinHash signature: for each hash function, the least hash of any of its body's
 * shingles, and how many distinct shingles the body has. Two bodies agree in one position with
 * probability equal to the Jaccard similarity of their shingle sets, so the share of agreeing
 * positions estimates it; with the two sizes, that gives the containment a copy decision needs.
 *
 * @param shingles how many distinct shingles the body has; 0 for a body without words
 * @param minima the least hash per hash function, {@link CopyDetection#hashes()} of them
 */
public record StorySignature(int shingles, int[] minima) {
  public StorySignature {
    minima = minima.clone();
  }

  /** The minima (a copy: the signature stays immutable). */
  @Override
  public int[] minima() {
    return minima.clone();
  }

  /** Estimated Jaccard similarity: the share of positions where both signatures agree. */
  public double jaccard(StorySignature other) {
    if (minima.length != other.minima.length) {
      throw new IllegalArgumentException("signatures of " + minima.length + " and " + other.minima.length
          + " hashes cannot be compared: they were made with different parameters");
    }
    if (shingles == 0 || other.shingles == 0) {
      return 0;
    }
    int agree = 0;
    for (int i = 0; i < minima.length; i++) {
      if (minima[i] == other.minima[i]) {
        agree++;
      }
    }
    return (double) agree / minima.length;
  }

  /**
   * Estimated containment: the share of the smaller body's shingles that the other body has too.
   * From Jaccard J and the sizes: |A and B| = J (|A| + |B|) / (1 + J), divided by the smaller size.
   */
  public double containment(StorySignature other) {
    double j = jaccard(other);
    if (j == 0) {
      return 0;
    }
    double common = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, common / Math.min(shingles, other.shingles));
  }

  /** Bytes this signature takes stored as 32-bit integers: the minima and the shingle count. */
  public int bytes() {
    return Integer.BYTES * (minima.length + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorySignature s && s.shingles == shingles && Arrays.equals(s.minima, minima);
  }

  @Override
  public int hashCode() {
    return 31 * shingles + Arrays.hashCode(minima);
  }

  @Override
  public String toString() {
    return "StorySignature[shingles=" + shingles + ", hashes=" + minima.length + "]";
  }
}
