package org.morgue.indexer.ingest;

/** What writing one article to the index did. */
public enum WriteOutcome {
  /** The index had no article with this id. */
  ADDED,
  /** The index held a different version with this id, which the article replaced. */
  UPDATED,
  /** The index already held the article exactly as given; nothing was written. */
  UNCHANGED
}
