package org.morgue.curation;

import java.time.Instant;

/**
 * A curator's decision that one version is a story's record (its representative) instead of the
 * earliest. It holds only while the article is still a version of the story: the server decides that
 * when the story is read, so a deleted or departed article simply lets the earliest version be the
 * record again, with nothing rewritten.
 *
 * @param storyId the story
 * @param articleId the version picked as its record
 * @param curator who picked it
 * @param updated when
 * @param version the decision's version, from 1, for {@code If-Match}
 */
public record StoryRecord(String storyId, String articleId, String curator, Instant updated, long version) {}
