package org.morgue.search;

import java.util.Arrays;

/**
 * What a store writes about an article's story: the story id the indexing pipeline decided, and the
 * article's band keys, under which later copies look it up ({@link ArchiveStore#versionsSharing}).
 *
 * @param storyId the story the article is a version of
 * @param bandKeys the article's band keys; empty for an article that copies must not find (a body
 *     without words)
 */
public record StoryEntry(String storyId, long[] bandKeys) {
  public StoryEntry {
    if (storyId == null || storyId.isBlank()) {
      throw new IllegalArgumentException("a story id cannot be blank");
    }
    bandKeys = bandKeys.clone();
  }

  /** An article that is a story of its own, with no band keys: what a store writes when not told otherwise. */
  public static StoryEntry alone(String articleId) {
    return new StoryEntry(articleId, new long[0]);
  }

  /** The band keys (a copy: the entry stays immutable). */
  @Override
  public long[] bandKeys() {
    return bandKeys.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryEntry e && e.storyId.equals(storyId) && Arrays.equals(e.bandKeys, bandKeys);
  }

  @Override
  public int hashCode() {
    return 31 * storyId.hashCode() + Arrays.hashCode(bandKeys);
  }

  @Override
  public String toString() {
    return "StoryEntry[storyId=" + storyId + ", bandKeys=" + bandKeys.length + "]";
  }
}
