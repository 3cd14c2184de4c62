package org.morgue.indexer.source;

import org.morgue.indexer.article.Article;

/** Receives what a reader finds in a file: articles, and records it could not read. */
public interface ArticleSink {
  /** An article read successfully. */
  void accept(Article article);

  /** A file or record that could not be read, and why. */
  void reject(MalformedArticleException problem);
}
