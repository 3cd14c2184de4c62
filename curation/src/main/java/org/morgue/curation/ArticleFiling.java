package org.morgue.curation;

import java.time.Instant;
import java.util.Optional;
import org.morgue.indexer.ingest.StoryFiling;

/**
 * A curator's decision of which story an article is a version of, which indexing takes instead of copy
 * detection every time it decides that article's story (live, at every {@code morgue index} run and at
 * every rebuild): filed with another article, in whatever story that one is filed under, or apart.
 *
 * @param articleId the article filed
 * @param story the story the curator named, as it was named when filed; empty when filed apart
 * @param with the article whose story it is filed in (the one named, or a version of the story named);
 *     empty when filed apart
 * @param from the story the article was a version of when the curator filed it (where copy detection,
 *     or an earlier filing, had put it): what the filing moved it from; empty in filings made before
 *     2026-12-07, which did not keep it
 * @param reason why, as the curator said it when filing; empty when none was given
 * @param curator who filed it
 * @param updated when
 * @param version the decision's version, from 1, for {@code If-Match}
 */
public record ArticleFiling(String articleId, Optional<String> story, Optional<String> with, Optional<String> from,
    Optional<String> reason, String curator, Instant updated, long version) {
  public ArticleFiling {
    story = story == null ? Optional.empty() : story;
    with = with == null ? Optional.empty() : with;
    from = from == null ? Optional.empty() : from;
    reason = reason == null ? Optional.empty() : reason;
  }

  /** Whether the article is filed apart, a story of its own. */
  public boolean apart() {
    return with.isEmpty();
  }

  /** What indexing takes from it. */
  public StoryFiling filing() {
    return with.map(article -> new StoryFiling(Optional.of(article), story)).orElse(StoryFiling.APART);
  }
}
