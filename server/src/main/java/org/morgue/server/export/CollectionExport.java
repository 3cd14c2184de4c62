package org.morgue.server.export;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.Story;

/**
 * A collection's export being written: articles go in one at a time, in the curator's order, each
 * with the curator's note (empty for none). The note is untrusted text, escaped as the article's own
 * fields are.
 */
public interface CollectionExport {
  /** Writes one article, a version of this story that the archive took in then, with its note. */
  void write(EnrichedArticle article, Story story, Optional<Instant> added, String note) throws IOException;

  /** What stands for the title of a member the archive no longer holds. */
  String GONE = "(no longer in the archive)";

  /**
   * Writes a member the archive no longer holds (deleted since it was collected), with its note,
   * where the format has a place for it, so the file lists the whole collection; the JSON Lines
   * export leaves it out, since a line there is an article to read back, and its provenance line
   * counts it.
   */
  void writeGone(String articleId, String note) throws IOException;

  /** Writes whatever closes the file and flushes; the caller closes the writer. */
  void finish() throws IOException;
}
