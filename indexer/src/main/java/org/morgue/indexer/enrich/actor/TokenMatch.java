package org.morgue.indexer.enrich.actor;

/**
 * An actor named by the tokens {@code [first, end)} of one segment of an article.
 *
 * @param actor who the tokens name
 * @param first index of the first token
 * @param end index after the last token
 */
record TokenMatch(ActorKey actor, int first, int end) {

  /** Marks the tokens it uses as covered, so later passes leave them alone; returns itself. */
  TokenMatch cover(boolean[] covered) {
    for (int k = first; k < end; k++) {
      covered[k] = true;
    }
    return this;
  }
}
