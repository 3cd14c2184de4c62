package org.morgue.curation;

import org.morgue.curation.journal.Change;

/**
 * A change the journal now holds, with what it made and the articles it may alter.
 *
 * @param value the collection, saved search or correction as it now is; null when it was deleted
 * @param change the change as recorded; null when the request changed nothing, so nothing was recorded
 * @param affected the articles to write again
 */
public record Applied<T>(T value, Change change, Affected affected) {
  /**
   * Whether this change brought its target into being: decided from the change itself, under the
   * curation's lock, so two requests racing to create the same correction cannot both say they did.
   */
  public boolean created() {
    return change != null && change.before() == null && value != null;
  }
}
