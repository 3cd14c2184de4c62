package org.morgue.indexer.story;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The filter never rules out a key it holds, and rules out nearly every other at its capacity. */
class BandKeyFilterTest {
  @Test
  void everyAddedKeyMightBeThereAndFewOthersAreAtCapacity() {
    BandKeyFilter filter = new BandKeyFilter(200_000);
    SplittableRandom random = new SplittableRandom(20261203);
    long[] added = random.longs(200_000).toArray();
    for (long key : added) {
      filter.add(key);
    }
    for (long key : added) {
      assertTrue(filter.mightContain(key));
    }
    int maybes = 0;
    int others = 200_000;
    for (int i = 0; i < others; i++) {
      if (filter.mightContain(random.nextLong())) {
        maybes++;
      }
    }
    // Sized for 200,000 keys the filter has at least 2^21 bits (over 10 per key): about 1% or less.
    assertTrue(maybes < others / 50, maybes + " of " + others + " keys never added passed");
    assertFalse(filter.full());
  }

  @Test
  void itSaysWhenItHoldsMoreThanItWasSizedFor() {
    BandKeyFilter filter = new BandKeyFilter(1);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i <= 1 << 20; i++) {
      filter.add(random.nextLong());
    }
    assertTrue(filter.full(), "a million bits hold about 100,000 keys at 1%");
  }
}
