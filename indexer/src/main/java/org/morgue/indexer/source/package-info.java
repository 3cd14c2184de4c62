/**
 * Sources: one reader per input format, each turning files into {@link org.morgue.article.Article}s.
 * Readers know nothing of enrichment or Lucene; a record they cannot read is reported, not dropped silently.
 */
package org.morgue.indexer.source;
