package org.morgue.indexer.ingest;

import java.util.Optional;

/**
 * A curator's word on which story an article is a version of, which the pipeline takes instead of copy
 * detection whenever it decides that article's story: filed with another article (in whatever story
 * that one is filed under), or apart, a story of its own.
 *
 * @param with the article whose story this one is filed in; empty when it is filed apart
 */
public record StoryFiling(Optional<String> with) {
  /** Filed apart: a story of its own, which detection neither joins to others nor others to. */
  public static final StoryFiling APART = new StoryFiling(Optional.empty());

  /** Filed in the story of this article. */
  public static StoryFiling with(String articleId) {
    return new StoryFiling(Optional.of(articleId));
  }

  /** Whether the article is filed apart. */
  public boolean apart() {
    return with.isEmpty();
  }
}
