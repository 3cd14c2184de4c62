package org.morgue.indexer.source;

import java.io.IOException;

/** One input format: recognises its files and reads the articles in them. */
public interface ArticleFormat {
  /** A short name for reports, e.g. {@code plain-text}. */
  String name();

  /**
   * Whether this format reads the file, judged by its name (without {@code .gz}) and, where names
   * are ambiguous ({@code .xml}), by the first bytes of its content.
   */
  boolean accepts(ArticleInput input);

  /**
   * Reads every article in the file into the sink; a record that cannot be read goes to {@link
   * ArticleSink#reject} (with {@link ArticleInput#origin(int)} naming the record) and the rest are
   * still read.
   *
   * @throws IOException when the file itself cannot be read (the articles sent before stay sent)
   */
  void read(ArticleInput input, ArticleSink sink) throws IOException;
}
