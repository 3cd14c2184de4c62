package org.morgue.indexer.source;

import org.morgue.article.Article;

/** Receives what a reader finds in a file: articles, records it could not read, and what it read only in part. */
public interface ArticleSink {
  /** An article read successfully. */
  void accept(Article article);

  /** A file or record that could not be read, and why. */
  void reject(MalformedArticleException problem);

  /**
   * Something left out of an article that is still accepted (sent before or after it). Sinks that
   * report a run to a person count and show these; the default has no report to put it in, and the
   * article itself is kept either way.
   */
  default void warn(ReadWarning warning) {
    // No report to add it to: the article was accepted and nothing else depends on the warning.
  }
}
