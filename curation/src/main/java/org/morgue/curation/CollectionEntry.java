package org.morgue.curation;

import java.time.Instant;

/**
 * One article in a collection.
 *
 * @param articleId the article's id, kept even when the article leaves the index
 * @param note why it matters, in the curator's words; empty for none
 * @param added when it was added
 */
public record CollectionEntry(String articleId, String note, Instant added) {
  public CollectionEntry {
    note = note == null ? "" : note;
  }
}
