package org.morgue.indexer.source;

import java.util.Objects;

/**
 * Something a reader could not read in an article it still indexed, e.g. a date that does not
 * parse: the article is kept without that part, and the warning says where and what was lost.
 *
 * @param origin the file, and record where there are several, as in {@link MalformedArticleException#origin()}
 * @param reason what was not read, in words a user can act on
 * @param summary the reason as a run's summary counts it: the reason without the particulars of one
 *     record (which id, read where), so that a batch warned on a thousand times is one line of counts
 */
public record ReadWarning(String origin, String reason, String summary) {
  /**
   * An article kept with a headline and no text, as a catalogue entry whose text was never typed in:
   * said in the same words by every format that keeps one (a librarian's trial found it as an empty
   * reader page, said nowhere).
   */
  static final String TITLE_ALONE = "no text: indexed with its title alone";

  public ReadWarning {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(summary, "summary");
  }

  /** A warning counted in the summary under its reason. */
  public ReadWarning(String origin, String reason) {
    this(origin, reason, reason);
  }
}
