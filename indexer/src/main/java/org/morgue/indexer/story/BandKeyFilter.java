package org.morgue.indexer.story;

/**
 * A Bloom filter of band keys: says "maybe" for every key added and, for a key never added, "no"
 * almost always (about 1% "maybe" when holding its capacity). The pipeline asks it before looking
 * band keys up in the index: most articles are no copy of anything, so most of their keys are in no
 * other article, and a look-up the filter rules out costs a few memory reads instead of a search of
 * every segment. Band keys are already uniformly random {@link BandKeys#BITS}-bit values, so the
 * first probe is the key's own low bits and the stride is one multiplication of it (double hashing).
 *
 * <p>Ten bits per key and five probes give the 1% rate. Not thread-safe for writes; reads may run
 * in parallel with each other.
 */
public final class BandKeyFilter {
  private static final int PROBES = 5;
  private static final int BITS_PER_KEY = 10;

  private final long[] words;
  private final long mask;
  private final long capacity;
  private long added;

  /** An empty filter for about this many keys (at least a million bits). */
  public BandKeyFilter(long expectedKeys) {
    long bits = Long.highestOneBit(Math.max(1L << 20, expectedKeys * BITS_PER_KEY - 1) << 1);
    this.words = new long[(int) (bits >>> 6)];
    this.mask = bits - 1;
    this.capacity = bits / BITS_PER_KEY;
  }

  /** Adds a key. */
  public void add(long key) {
    long h2 = secondHash(key);
    for (int i = 0; i < PROBES; i++) {
      long bit = (key + i * h2) & mask;
      words[(int) (bit >>> 6)] |= 1L << bit;
    }
    added++;
  }

  /** False when the key was surely never added. */
  public boolean mightContain(long key) {
    long h2 = secondHash(key);
    for (int i = 0; i < PROBES; i++) {
      long bit = (key + i * h2) & mask;
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether more keys were added than it was sized for, so its false "maybe"s grow past 1%. */
  public boolean full() {
    return added > capacity;
  }

  /** How many keys were added. */
  public long added() {
    return added;
  }

  /** Bytes the filter takes. */
  public long bytes() {
    return (long) words.length * Long.BYTES;
  }

  private static long secondHash(long key) {
    // The product's high bits depend on every bit of the key (its low bits only on the key's low
    // ones, which are the first probe already), so they are rotated down. Odd, so the probes of one
    // key never fall on one bit.
    return Long.rotateLeft(key * 0x9E3779B97F4A7C15L, 32) | 1;
  }
}
