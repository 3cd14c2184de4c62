package org.morgue.indexer.story;

/**
 * The locality-sensitive band keys of a signature: band {@code j} of {@link CopyDetection#bands()}
 * hashes its {@link CopyDetection#rows()} minima, with {@code j} itself, into one key of {@link
 * #BITS} bits. Two signatures share key {@code j} when they agree in all of band {@code j}'s rows,
 * and the band number in the key keeps equal minima in different bands apart.
 *
 * <p>Why 40 bits and not 64: every article stores all its keys, and random keys do not compress,
 * so their width is most of what story detection adds to the index (issue #21). An unrelated key
 * matches one of an archive's {@code n} stored keys with chance {@code n / 2^40}: at ten million
 * articles (420 million keys) a new article's 42 keys meet about 0.016 false candidates, each
 * costing one stored read and a signing before it is turned down, and no wrong filing.
 */
public final class BandKeys {
  /** The width of a key: the rest of the 64-bit hash is dropped. */
  public static final int BITS = 40;

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
      keys[band] = key >>> (Long.SIZE - BITS);
    }
    return keys;
  }
}
