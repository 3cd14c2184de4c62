package org.morgue.search;

import java.util.List;

/**
 * One story and every version of it the archive holds: the copies that indexing found to share at
 * least half of their text (see the indexer's {@code CopyDetection}).
 *
 * @param id the story's id, shared by its versions. It is the id of the first version the archive
 *     received and never changes afterwards, so a link to a story holds when versions come and go
 * @param versions every version, earliest publication first (undated last, then by id); the first
 *     is the story's representative, its record
 */
public record Story(String id, List<StoryVersion> versions) {
  public Story {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a story has at least one version");
    }
  }

  /** A story whose only version is this article, filed under the article's id. */
  public static Story single(org.morgue.article.Article article) {
    return new Story(article.id(), List.of(StoryVersion.of(article)));
  }

  /** The representative: the earliest version. */
  public StoryVersion representative() {
    return versions.get(0);
  }

  /** Whether the story has more than one version. */
  public boolean hasCopies() {
    return versions.size() > 1;
  }
}
