package org.morgue.indexer.source;

import java.util.Objects;

/**
 * Something a reader could not read in an article it still indexed, e.g. a date that does not
 * parse: the article is kept without that part, and the warning says where and what was lost.
 *
 * @param origin the file, and record where there are several, as in {@link MalformedArticleException#origin()}
 * @param reason what was not read, in words a user can act on
 */
public record ReadWarning(String origin, String reason) {
  public ReadWarning {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }
}
