package org.morgue.indexer.source;

import java.io.IOException;
import java.nio.file.Path;

/** One input format: recognises its files and reads the articles in them. */
public interface ArticleFormat {
  /** A short name for reports, e.g. {@code plain-text}. */
  String name();

  /** Whether this format reads the file (judged by its name). */
  boolean accepts(Path file);

  /**
   * Reads every article in the file into the sink; a record that cannot be read goes to {@link
   * ArticleSink#reject} and the rest are still read.
   *
   * @throws IOException when the file itself cannot be read
   */
  void read(Path file, ArticleSink sink) throws IOException;
}
