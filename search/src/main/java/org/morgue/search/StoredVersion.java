package org.morgue.search;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An article the index holds, with the story it is filed under: what a store answers when the
 * pipeline looks for copies of a new article. Only what deciding a copy takes (the body to sign, the
 * date and id that pick a story's earliest version), so a store can answer from a few stored
 * fields without reading the whole enriched article.
 *
 * @param storyId the story the stored article is a version of
 * @param articleId the stored article's id
 * @param published its publication date, if it has one
 * @param body its body text, as {@link org.morgue.article.Article#body()} gives it
 * @param write the write it entered the archive with ({@link AddedOrder#write}; 0 when unnumbered):
 *     when two stories merge, the one whose versions the archive received first keeps its id
 */
public record StoredVersion(String storyId, String articleId, Optional<LocalDate> published, String body, long write) {}
