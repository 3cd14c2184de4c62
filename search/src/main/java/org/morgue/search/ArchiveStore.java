package org.morgue.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.EnrichedArticle;

/**
 * The writing side of an engine's index, as the indexing pipeline sees it: the pipeline decides what
 * to write (it enriches, fingerprints and skips unchanged articles), the store only keeps it. The
 * embedded engine implements it over a Lucene {@code IndexWriter}; every engine must.
 *
 * <p>{@link #put} may be called from several threads at once; the other methods are for one thread
 * at a time, with no {@code put} running during a {@link #commit}. Nothing written is searchable
 * before a commit.
 */
public interface ArchiveStore extends Closeable {

  /**
   * The version of the store's on-disk layout. It is part of every article's fingerprint, so that a
   * new layout rewrites every article.
   */
  String schemaVersion();

  /** The fingerprint the article was last written with, including writes not yet committed. */
  Optional<String> fingerprint(String id) throws IOException;

  /** Adds the article, or replaces the one with the same id, as a member of no collection. */
  default void put(EnrichedArticle article, String fingerprint) throws IOException {
    put(article, Set.of(), fingerprint);
  }

  /**
   * Adds the article, or replaces the one with the same id, as a member of these collections (ids).
   *
   * <p>The ids are the values of the {@link Facet#COLLECTION} facet, kept as given: case-sensitive and
   * never folded, only put in NFC like every facet value, because filters are. A replaced article
   * keeps none of its earlier memberships, so every writer of an article must pass all of them.
   * Membership is not part of the article, so the pipeline's check for unchanged articles (by
   * fingerprint) does not see it: a change of membership must be written as a put of its own.
   *
   * @throws IllegalArgumentException when an id is blank: a filter can never name it
   */
  void put(EnrichedArticle article, Set<String> collections, String fingerprint) throws IOException;

  /** Deletes the article with this id; false when there is none. */
  boolean delete(String id) throws IOException;

  /** Makes every write so far durable, with this metadata recorded alongside. */
  void commit(Map<String, String> metadata) throws IOException;

  /** Releases the store; what was written since the last commit is rolled back. */
  @Override
  void close() throws IOException;

  /** Opens a store on one index; a live server reopens it after a failed write. */
  @FunctionalInterface
  interface Opener {
    /** A new store, holding the index's write lock until closed. */
    ArchiveStore open() throws IOException;
  }
}
