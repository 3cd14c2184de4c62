package org.morgue.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
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

  /** Adds the article, or replaces the one with the same id, as a member of no collection and a story of its own. */
  default void put(EnrichedArticle article, String fingerprint) throws IOException {
    put(article, Set.of(), fingerprint);
  }

  /**
   * Adds the article, or replaces the one with the same id, as a member of these collections (ids),
   * a story of its own with no band keys (an article written this way is never found as a copy).
   *
   * <p>The ids are the values of the {@link Facet#COLLECTION} facet, kept as given: case-sensitive and
   * never folded, only put in NFC like every facet value, because filters are. A replaced article
   * keeps none of its earlier memberships, so every writer of an article must pass all of them.
   * Membership is not part of the article, so the pipeline's check for unchanged articles (by
   * fingerprint) does not see it: a change of membership must be written as a put of its own.
   *
   * @throws IllegalArgumentException when an id is blank: a filter can never name it
   */
  default void put(EnrichedArticle article, Set<String> collections, String fingerprint) throws IOException {
    put(article, collections, fingerprint, StoryEntry.alone(article.article().id()));
  }

  /**
   * Adds the article, or replaces the one with the same id, as a member of these collections and a
   * version of this story: the story id is kept (searches group by it, {@link
   * SearchEngine#story} lists its versions) and the band keys are indexed for {@link
   * #versionsSharing}. The pipeline decides the story; the store does not second-guess it.
   *
   * @throws IllegalArgumentException when a collection id is blank
   */
  void put(EnrichedArticle article, Set<String> collections, String fingerprint, StoryEntry story) throws IOException;

  /**
   * The committed articles that share at least one of these band keys, each with its story id: where
   * the pipeline looks for copies of an article it is about to write. Writes since the last commit
   * are not seen (the pipeline remembers those itself). Costs one indexed look-up per key, never a
   * pass over the archive.
   */
  List<StoredVersion> versionsSharing(long[] bandKeys) throws IOException;

  /**
   * These committed articles, each with the story it is filed under; an id the store does not hold is
   * left out. Where the pipeline finds the story of an article a curator filed another one with, and
   * the order the archive received a story's versions in. One indexed look-up per id.
   */
  List<StoredVersion> versionsOf(java.util.Collection<String> ids) throws IOException;

  /**
   * How many committed articles {@link #forEachBandKey} would visit the keys of (deleted ones too,
   * until the store forgets them), asked first so the pipeline can size its filter and then read the
   * keys in one pass; -1 when the store cannot list them cheaply, and then every look-up goes to
   * {@link #versionsSharing}. Costs a count, never a pass over the archive.
   */
  default long articlesWithBandKeys() throws IOException {
    return -1;
  }

  /**
   * Visits the band keys of every committed article (of deleted ones too, until the store forgets
   * them), so the pipeline can keep a filter of the keys the store holds and skip look-ups that would
   * find nothing. Returns false, visiting none, when the store cannot list them cheaply.
   */
  default boolean forEachBandKey(java.util.function.LongConsumer each) throws IOException {
    return false;
  }

  /**
   * Visits every committed article's id and where it was read from ({@code Article.origin}: a file's
   * path as the run that read it was given it, with {@code #n} for record n of one): what a run over
   * a folder compares with what it read, to find the articles whose files are gone. One pass over the
   * archive's stored articles.
   */
  void forEachOrigin(java.util.function.BiConsumer<String, String> each) throws IOException;

  /** The ids of the committed articles filed under this story, in no particular order. */
  List<String> storyMembers(String storyId) throws IOException;

  /**
   * These articles as last written, committed or not (each enriched article as the store keeps it,
   * with the fingerprint it was written with), by id; an id the store does not hold is left out.
   * What the pipeline writes again, unchanged but for the story, when a new article merges two
   * stories. No {@code put} may run meanwhile; a store may make what it holds durable to read it, but
   * nothing becomes searchable before a commit.
   */
  Map<String, Written> written(java.util.Collection<String> ids) throws IOException;

  /** An article as a store holds it: the enriched article and the fingerprint it was written with. */
  record Written(EnrichedArticle article, String fingerprint) {}

  /** Deletes the article with this id; false when there is none. */
  boolean delete(String id) throws IOException;

  /** Makes every write so far durable, with this metadata recorded alongside. */
  void commit(Map<String, String> metadata) throws IOException;

  /** Releases the store; what was written since the last commit is rolled back. */
  @Override
  void close() throws IOException;

  /**
   * Opens a store on one index; a live server reopens it after a failed write. It fails when the index
   * is not there (an embedded index's folder moved away under the server, a cluster's index deleted),
   * never creating one: a server that opened an archive must not write a new, empty one behind its
   * readers' back.
   */
  @FunctionalInterface
  interface Opener {
    /** A new store, holding the index's write lock until closed. */
    ArchiveStore open() throws IOException;
  }
}
