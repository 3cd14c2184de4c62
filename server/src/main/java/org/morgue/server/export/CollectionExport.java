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

  /** Writes whatever closes the file and flushes; the caller closes the writer. */
  void finish() throws IOException;
}
