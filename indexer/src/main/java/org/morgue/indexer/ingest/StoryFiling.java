package org.morgue.indexer.ingest;

import java.util.Optional;

/**
 * A curator's word on which story an article is a version of, which the pipeline takes instead of copy
 * detection whenever it decides that article's story: filed with another article (in whatever story
 * that one is filed under), or apart, a story of its own.
 *
 * @param with the article whose story this one is filed in; empty when it is filed apart
 * @param story the story's id as the curator's filing named it; empty when filed apart, and in filings
 *     that did not keep it. A rebuild that reads the article before any other version of that story
 *     starts the story under this id, so the story keeps the id it had when the curator filed into it.
 */
public record StoryFiling(Optional<String> with, Optional<String> story) {
  /** Filed apart: a story of its own, which detection neither joins to others nor others to. */
  public static final StoryFiling APART = new StoryFiling(Optional.empty(), Optional.empty());

  public StoryFiling {
    story = with.isEmpty() ? Optional.empty() : story;
  }

  /** Whether the article is filed apart. */
  public boolean apart() {
    return with.isEmpty();
  }
}
