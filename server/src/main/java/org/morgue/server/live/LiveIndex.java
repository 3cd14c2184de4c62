package org.morgue.server.live;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.morgue.article.Article;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.WriteOutcome;
import org.morgue.search.ArchiveStore;
import org.morgue.search.SearchEngine;

/**
 * The server's write side: one {@link ArchiveStore} held from start to shutdown (so its write lock
 * keeps {@code morgue index} off the index meanwhile), taking one change at a time. Every change is
 * committed, which makes it durable, and the searcher refreshed, which makes it visible, before the
 * method returns: what a caller has been told is written survives a crash and is found by the next
 * search. A change that fails half way is rolled back, so none of it reaches a later commit.
 *
 * <p>Commits record no corpus fingerprint: an index changed over the API is the user's own, and
 * {@code morgue serve} must never rebuild it from the corpus (which would lose what was posted).
 */
public final class LiveIndex implements Closeable {
  private static final Map<String, String> COMMIT_DATA = Map.of(ArchiveIndexer.COMPLETE_KEY, "true");

  private final ArchiveStore.Opener stores;
  private final ArchiveIndexer indexer;
  private final SearchEngine searcher;
  /** One change at a time: a second request waits for the first one's commit. */
  private final ReentrantLock lock = new ReentrantLock();
  private ArchiveStore writer;

  /**
   * What one {@link #put} did.
   *
   * @param ids the ids of the articles given, in order
   */
  public record PutResult(int added, int updated, int unchanged, List<String> ids) {
    public PutResult {
      ids = List.copyOf(ids);
    }

    /** Whether anything was written. */
    public boolean changed() {
      return added + updated > 0;
    }
  }

  private LiveIndex(ArchiveStore.Opener stores, ArchiveIndexer indexer, SearchEngine searcher, ArchiveStore writer) {
    this.stores = stores;
    this.indexer = indexer;
    this.searcher = searcher;
    this.writer = writer;
  }

  /**
   * Opens a store on the index a searcher reads; it fails (the embedded engine's
   * IndexLockedException) when another process is writing the index.
   */
  public static LiveIndex open(ArchiveStore.Opener stores, ArchiveIndexer indexer, SearchEngine searcher)
      throws IOException {
    return new LiveIndex(stores, indexer, searcher, stores.open());
  }

  /** Adds or replaces articles (the unchanged ones are left alone), then commits and refreshes. */
  public PutResult put(List<Article> articles) throws IOException {
    return put(articles, version -> true);
  }

  /**
   * The same, if {@code expected} accepts the current version (fingerprint) of the one article given,
   * checked under the write lock so no other write comes between; else nothing is written and
   * {@link VersionMismatchException} says so.
   */
  public PutResult put(List<Article> articles, Predicate<Optional<String>> expected) throws IOException {
    lock.lock();
    try {
      ArchiveStore open = writer();
      for (Article article : articles) {
        if (!expected.test(open.fingerprint(article.id()))) {
          throw new VersionMismatchException(article.id());
        }
      }
      int added = 0;
      int updated = 0;
      int unchanged = 0;
      List<String> ids = new ArrayList<>(articles.size());
      try {
        for (Article article : articles) {
          WriteOutcome outcome = indexer.write(article, open);
          switch (outcome) {
            case ADDED -> added++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
          }
          ids.add(article.id());
        }
        if (added + updated > 0) {
          open.commit(COMMIT_DATA);
        }
      } catch (IOException | RuntimeException e) {
        rollBack(e);
        throw e;
      }
      if (added + updated > 0) {
        searcher.refresh();
      }
      return new PutResult(added, updated, unchanged, ids);
    } finally {
      lock.unlock();
    }
  }

  /** Removes an article, then commits and refreshes; says whether the index held it. */
  public boolean delete(String id) throws IOException {
    return delete(id, version -> true);
  }

  /** The same, if {@code expected} accepts the article's current version, checked under the write lock. */
  public boolean delete(String id, Predicate<Optional<String>> expected) throws IOException {
    lock.lock();
    try {
      ArchiveStore open = writer();
      if (!expected.test(open.fingerprint(id))) {
        throw new VersionMismatchException(id);
      }
      boolean deleted;
      try {
        deleted = open.delete(id);
        if (deleted) {
          open.commit(COMMIT_DATA);
        }
      } catch (IOException | RuntimeException e) {
        rollBack(e);
        throw e;
      }
      if (deleted) {
        searcher.refresh();
      }
      return deleted;
    } finally {
      lock.unlock();
    }
  }

  /** A write's expected version is not the article's current one. */
  public static final class VersionMismatchException extends RuntimeException {
    private final String id;

    VersionMismatchException(String id) {
      super("article '" + id + "' has changed (or was deleted) since the version named in If-Match was read:"
          + " read it again, then write");
      this.id = id;
    }

    /** The article's id. */
    public String id() {
      return id;
    }
  }

  /** Closes the writer, releasing the index's write lock; every acknowledged change is already committed. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (writer != null) {
        writer.close();
        writer = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private ArchiveStore writer() throws IOException {
    if (writer == null) {
      throw new IOException("the index writer is closed after a failed write; restart the server");
    }
    return writer;
  }

  /**
   * Throws away what the failed change wrote (closing a writer rolls back to the last commit) and
   * opens a fresh writer, so the next change starts from the last commit.
   */
  private void rollBack(Exception failure) {
    ArchiveStore failed = writer;
    writer = null;
    try {
      failed.close();
      writer = stores.open();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e); // the writer stays closed: later changes fail until a restart
    }
  }
}
