package org.morgue.indexer.story;

import java.util.Arrays;
import org.morgue.article.Article;

/**
 * Every key an article is stored and looked up under: its {@link BandKeys} (copies that share much
 * of each other's text), then its {@link LeadKeys} (a short copy and the full story it was cut from).
 * Both kinds go in one indexed field, so neither engine needs to tell them apart.
 */
public final class StoryKeys {
  private StoryKeys() {}

  /** The article's keys, its signature already made; none for a body without words, which is nobody's copy. */
  public static long[] of(Article article, StorySignature signature, CopyDetection detection) {
    if (signature.shingles() == 0) {
      return new long[0];
    }
    long[] bands = BandKeys.of(signature, detection);
    long[] lead = LeadKeys.of(article, detection);
    long[] keys = Arrays.copyOf(bands, bands.length + lead.length);
    System.arraycopy(lead, 0, keys, bands.length, lead.length);
    return keys;
  }

  /** The most keys an article has: what a filter of stored keys is sized by. */
  public static int most(CopyDetection detection) {
    return detection.bands() + LeadKeys.COUNT;
  }
}
