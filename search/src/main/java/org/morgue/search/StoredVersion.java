package org.morgue.search;

import org.morgue.article.Article;

/**
 * An article the index holds, with the story it is filed under: what a store answers when the
 * pipeline looks for copies of a new article.
 *
 * @param storyId the story the stored article is a version of
 * @param article the stored article
 */
public record StoredVersion(String storyId, Article article) {}
