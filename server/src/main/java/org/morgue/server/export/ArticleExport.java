package org.morgue.server.export;

import java.io.IOException;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.Story;

/** An export being written: articles go in one at a time, so no export is ever held in memory whole. */
public interface ArticleExport {
  /** Writes one article, a version of this story. */
  void write(EnrichedArticle article, Story story) throws IOException;

  /** Writes whatever closes the file and flushes; the caller closes the writer. */
  void finish() throws IOException;
}
