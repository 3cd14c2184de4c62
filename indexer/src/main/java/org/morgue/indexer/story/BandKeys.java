package org.morgue.indexer.story;

/**
 * The locality-sensitive band keys of a signature: band {@code j} of {@link CopyDetection#bands()}
 * hashes its {@link CopyDetection#rows()} minima, with {@code j} itself, into one 64-bit key. Two
 * signatures share key {@code j} exactly when they agree in all of band {@code j}'s rows (but for a
 * 2^-64 chance), and the band number in the key keeps equal minima in different bands apart.
 */
public final class BandKeys {
  private BandKeys() {}

  /** The band keys of a signature; none for a body without words, which is nobody's copy. */
  public static long[] of(StorySignature signature, CopyDetection detection) {
    int[] minima = signature.minima();
    if (minima.length != detection.hashes()) {
      throw new IllegalArgumentException("a signature of " + minima.length + " hashes has no bands of "
          + detection.bands() + " x " + detection.rows());
    }
    if (signature.shingles() == 0) {
      return new long[0];
    }
    long[] keys = new long[detection.bands()];
    for (int band = 0; band < keys.length; band++) {
      long key = StorySigner.mix(band + 1L);
      for (int row = 0; row < detection.rows(); row++) {
        key = StorySigner.mix(key ^ (minima[band * detection.rows() + row] & 0xffffffffL));
      }
      keys[band] = key;
    }
    return keys;
  }

  /** Bytes the keys of one article take stored as 64-bit values. */
  public static int bytes(CopyDetection detection) {
    return Long.BYTES * detection.bands();
  }
}
