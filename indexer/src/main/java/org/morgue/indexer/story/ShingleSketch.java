package org.morgue.indexer.story;

import java.util.Arrays;

/**
 * A body's shingles kept small enough to hold a commit's worth in memory and still tell how much of
 * one body another holds: each distinct shingle as the top 16 bits of its hash, sorted. Two bytes a
 * shingle, where the shingles themselves take eight.
 *
 * <p>Why not the MinHash estimate alone: it estimates containment from the share of agreeing minima,
 * which for a short take of a long story is a handful of 126 (a 30-shingle take of an 800-shingle
 * story agrees in about 5), so it misses about one such copy in seven. Counting the shorter body's
 * shingles in the other is exact but for chance agreements of 16-bit values: a shingle of one body
 * meets one of another by chance with odds the other's size over 65,536, about 1% for an 800-shingle
 * story, far below the half of the shorter body that makes a copy.
 */
public final class ShingleSketch {
  /** One per distinct shingle, sorted; two shingles may share one. */
  private final char[] fingerprints;

  private ShingleSketch(char[] fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** The sketch of a body's distinct shingles ({@link Shingles#of}). */
  public static ShingleSketch of(long[] distinctShingles) {
    char[] prints = new char[distinctShingles.length];
    for (int i = 0; i < prints.length; i++) {
      prints[i] = (char) (distinctShingles[i] >>> 48);
    }
    Arrays.sort(prints);
    return new ShingleSketch(prints);
  }

  /** How many distinct shingles the body has; 0 for a body without words. */
  public int shingles() {
    return fingerprints.length;
  }

  /**
   * The share of the smaller body's shingles the other has too: how many of the smaller one's
   * fingerprints the other holds (each of the other's matched once), over the smaller's count.
   */
  public double containment(ShingleSketch other) {
    if (fingerprints.length == 0 || other.fingerprints.length == 0) {
      return 0;
    }
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < fingerprints.length && j < other.fingerprints.length) {
      if (fingerprints[i] < other.fingerprints[j]) {
        i++;
      } else if (fingerprints[i] > other.fingerprints[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return (double) common / Math.min(fingerprints.length, other.fingerprints.length);
  }
}
