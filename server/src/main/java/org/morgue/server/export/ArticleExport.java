package org.morgue.server.export;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.Story;

/** An export being written: articles go in one at a time, so no export is ever held in memory whole. */
public interface ArticleExport {
  /** Writes one article, a version of this story, that the archive took in then (empty: it does not say). */
  void write(EnrichedArticle article, Story story, Optional<Instant> added) throws IOException;

  /** Writes whatever closes the file and flushes; the caller closes the writer. */
  void finish() throws IOException;
}
