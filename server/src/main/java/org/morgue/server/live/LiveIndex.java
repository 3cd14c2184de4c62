package org.morgue.server.live;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.curation.Affected;
import org.morgue.curation.Applied;
import org.morgue.curation.Curation;
import org.morgue.curation.journal.Change;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.WriteOutcome;
import org.morgue.search.ArchiveGoneException;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.ArchiveNotWritableException;
import org.morgue.search.ArchiveStore;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.Facet;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.search.Grouping;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

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
  /** Null when the server keeps no curation. */
  private final Curation curation;
  /** What the next commit records: the last commit's metadata, so a curation change keeps a corpus index a corpus index. */
  private Map<String, String> commitData;
  /** The last curation change the index holds (every article it may alter written again); 0 for none. */
  private long curatedUpTo;
  /** One change at a time: a second request waits for the first one's commit. */
  private final ReentrantLock lock = new ReentrantLock();
  private ArchiveStore writer;

  /**
   * What one {@link #put} did.
   *
   * @param ids the ids of the articles given, in order, as the archive holds them (an id sent in the
   *     other Unicode form of one it holds is answered in the held form)
   * @param corrected those of them a curator has corrected: the archive shows the curator's values of
   *     the fields corrected, not the ones just sent. A re-sent wire correction was hidden so without a
   *     word (a librarian's trial, session 38).
   */
  public record PutResult(int added, int updated, int unchanged, List<String> ids, List<String> corrected) {
    public PutResult {
      ids = List.copyOf(ids);
      corrected = List.copyOf(corrected);
    }

    /** Whether anything was written. */
    public boolean changed() {
      return added + updated > 0;
    }
  }

  /**
   * What one {@link #put} did, as its answer shows it, and for a put of one article the version it has
   * once the put is done, read under the write lock: the version this write made, never one a later
   * write made. A batch's answer names no article, so its versions are not looked up (on OpenSearch
   * each would be a request).
   */
  public record Written(PutResult result, Optional<String> version) {}

  private LiveIndex(ArchiveStore.Opener stores, ArchiveIndexer indexer, SearchEngine searcher, ArchiveStore writer,
      Curation curation, Map<String, String> commitData) {
    this.stores = stores;
    this.indexer = indexer;
    this.searcher = searcher;
    this.writer = writer;
    this.curation = curation;
    this.commitData = new HashMap<>(commitData);
    this.commitData.put(ArchiveIndexer.COMPLETE_KEY, "true");
    this.curatedUpTo = curation == null ? 0 : Curation.indexedUpTo(commitData);
  }

  /**
   * Opens a store on the index a searcher reads; it fails (the embedded engine's
   * IndexLockedException) when another process is writing the index.
   */
  public static LiveIndex open(ArchiveStore.Opener stores, ArchiveIndexer indexer, SearchEngine searcher)
      throws IOException {
    return new LiveIndex(stores, indexer, searcher, stores.open(), null, COMMIT_DATA);
  }

  /**
   * The same, for a server that keeps curation: {@code indexer} must apply this very {@code curation},
   * and {@code lastCommit} is the index's last commit metadata. Curation changes the index does not
   * hold yet (the server stopped between writing one to the journal and committing the articles it
   * alters) are applied before this returns.
   */
  public static LiveIndex open(ArchiveStore.Opener stores, ArchiveIndexer indexer, SearchEngine searcher,
      Curation curation, Map<String, String> lastCommit) throws IOException {
    LiveIndex live = new LiveIndex(stores, indexer, searcher, stores.open(), curation, lastCommit);
    try {
      live.lock.lock();
      try {
        live.catchUp(Affected.NONE, null);
      } finally {
        live.lock.unlock();
      }
      return live;
    } catch (IOException | RuntimeException e) {
      live.close();
      throw e;
    }
  }

  /** One curation change, made under the write lock so no article write comes between it and its articles. */
  @FunctionalInterface
  public interface CurationChange<T> {
    Applied<T> apply() throws IOException;
  }

  /**
   * Makes a curation change (which writes it to the journal) and writes again every article it alters,
   * then commits and refreshes: when this returns, the change is durable and the next search sees it.
   * Were the commit to fail, the journal still holds the change, and the next change (or the same one
   * asked again), or the next start, writes its articles.
   *
   * @throws DiskFullException when the disk under the archive or its curation is full: unless it says
   *     otherwise, nothing was kept (the journal and the index are as they were)
   */
  public <T> Applied<T> curate(CurationChange<T> change) throws IOException {
    lock.lock();
    try {
      Applied<T> applied;
      try {
        applied = change.apply();
      } catch (IOException e) {
        DiskFullException.whenFull(e, NOTHING_KEPT);
        throw e;
      }
      // Also when it changed nothing: a change an earlier failure left unwritten is written now.
      catchUp(applied.affected(), applied.change());
      return applied;
    } finally {
      lock.unlock();
    }
  }

  private static final String NOTHING_KEPT = "nothing of this request was kept, and the archive holds what it held"
      + " before. Free space on the disk that holds the archive, then send the same request again";

  /**
   * The articles the curation changes after {@link #curatedUpTo} alter, written again and committed.
   * When the disk fills before anything is committed, {@code made} (the change just made, if any) is
   * taken back from the curation, so that neither the journal nor the index holds it.
   */
  private int catchUp(Affected alsoAffected, Change made) throws IOException {
    List<Change> pending = curation.changesAfter(curatedUpTo);
    if (pending.isEmpty()) {
      return 0;
    }
    Set<String> ids = new LinkedHashSet<>(alsoAffected.articleIds());
    Set<String> actors = new HashSet<>(alsoAffected.actorNames());
    Set<String> sources = new HashSet<>(alsoAffected.sourceNames());
    Set<String> members = new LinkedHashSet<>(alsoAffected.memberIds());
    Set<String> refiled = new LinkedHashSet<>(alsoAffected.refiledIds());
    for (Change change : pending) {
      Affected affected = curation.affected(change);
      ids.addAll(affected.articleIds());
      actors.addAll(affected.actorNames());
      sources.addAll(affected.sourceNames());
      members.addAll(affected.memberIds());
      refiled.addAll(affected.refiledIds());
    }
    scanInto(ids, Facet.ACTOR, actors);
    scanInto(ids, Facet.SOURCE, sources);
    members.removeAll(ids);
    long upTo = pending.get(pending.size() - 1).seq();
    int written = 0;
    boolean committed = false;
    try {
      ArchiveStore open = writer();
      // One at a time, each committed: filing an article decides its story's other versions again from
      // what the index holds, which must include the last filing's.
      for (String id : refiled) {
        if (indexer.refile(id, open) > 0) {
          indexer.commit(open, articleCommitData());
          committed = true;
          written++;
        }
      }
      // Enriching again is the cost of a correction (an actor in thousands of articles): on every core.
      // Only put may run on several threads: the fingerprints are read first, on this one.
      Map<String, String> fingerprints = new HashMap<>();
      for (String id : ids) {
        open.fingerprint(id).ifPresent(fingerprint -> fingerprints.put(id, fingerprint));
      }
      java.util.concurrent.atomic.AtomicInteger rewritten = new java.util.concurrent.atomic.AtomicInteger();
      try {
        fingerprints.keySet().parallelStream().forEach(id -> {
          try {
            Optional<EnrichedArticle> stored = searcher.article(id);
            if (stored.isPresent()) {
              indexer.rewrite(curation.source(stored.get().article()), open, fingerprints.get(id));
              rewritten.incrementAndGet();
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      written += rewritten.get();
      // Only their collections changed: the article as held already has every correction, so it is
      // written again as it is, without enriching it again (adding 10,000 articles to a collection
      // must not cost 10,000 enrichments).
      for (String id : members) {
        Optional<EnrichedArticle> stored = searcher.article(id);
        if (stored.isPresent()) {
          String storyId = searcher.story(id).map(org.morgue.search.Story::id).orElse(id);
          indexer.rewriteMembership(stored.get(), storyId, curation.collections(id), open,
              indexer.stamped(open.fingerprint(id).orElse("")));
          written++;
        }
      }
      if (written > 0) {
        Map<String, String> data = new HashMap<>(commitData);
        data.put(Curation.COMMIT_KEY, Long.toString(upTo));
        indexer.commit(open, data);
      }
    } catch (IOException | RuntimeException e) {
      rollBack(e);
      // Nothing committed: the change is taken back, whatever the failure, as an error answer must
      // keep nothing (a trial's PATCH answered 500 and was kept, made by the next start).
      if (made != null && !committed) {
        try {
          curation.takeBack(made);
        } catch (IOException | RuntimeException notTaken) {
          e.addSuppressed(notTaken);
          throw e; // the journal still holds it: the next change or start writes its articles
        }
        DiskFullException.whenFull(e, NOTHING_KEPT);
        unwritable(e, "nothing of this request was kept");
        throw e;
      }
      // Some of its articles were committed: the journal keeps the change, which asking again completes.
      DiskFullException.whenFull(e, "the change was kept, but not every article it alters was written again."
          + " Free space on the disk that holds the archive, then send the same request again to write them");
      unwritable(e, "the change was kept, but not every article it alters was written again; send the same"
          + " request again to write them");
      throw e;
    }
    // A change that alters no article (a note, a name) needs no commit: replayed, it would write nothing.
    curatedUpTo = upTo;
    if (written > 0) {
      searcher.refresh();
    }
    return written;
  }

  /**
   * Adds the ids of every article with one of {@code values} in a facet (an actor it names, the source
   * it is from): every version, since a correction of a name is written into each copy, not one per story.
   */
  private void scanInto(Set<String> ids, Facet facet, Set<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    SearchRequest having = new SearchRequest("", Map.of(facet.id(), List.copyOf(values)),
        Optional.empty(), Optional.empty(), SortOrder.NEWEST, 1, 0).withGrouping(Grouping.ARTICLES);
    try {
      searcher.scan(having, article -> ids.add(article.article().id()));
    } catch (InvalidQueryException e) {
      throw new IllegalStateException("the search for the articles by " + facet.id() + " was refused", e);
    }
  }

  /**
   * Adds or replaces articles (the unchanged ones are left alone; each under the Unicode form of its id
   * the index holds, {@link ArchiveIndexer#held}), then commits and refreshes, if
   * {@code expected} accepts the current version (fingerprint) of each article given,
   * checked under the write lock so no other write comes between; else nothing is written and
   * {@link VersionMismatchException} says so. What was written goes in the changes record under
   * {@code writer}'s name, with the {@code reason} given (nothing is recorded when the writer is null
   * or the server keeps no curation); a reason the record would refuse is refused before anything
   * is written.
   *
   * @throws DiskFullException when the disk under the archive is full: nothing was written
   */
  public Written put(String writer, Optional<String> reason, List<Article> given, Predicate<Optional<String>> expected)
      throws IOException {
    Optional<String> why = Curation.reason(reason);
    lock.lock();
    try {
      ArchiveStore open = writer();
      // Each under the form of its id the archive holds, so either Unicode form replaces the one article.
      List<Article> articles = new ArrayList<>(given.size());
      for (Article article : given) {
        articles.add(indexer.held(article, open));
      }
      for (Article article : articles) {
        Optional<String> current = open.fingerprint(article.id());
        if (!expected.test(current)) {
          throw VersionMismatchException.of(article.id(), current);
        }
      }
      List<Curation.ArticleRef> added = new ArrayList<>();
      List<Curation.ArticleRef> updated = new ArrayList<>();
      int unchanged = 0;
      List<String> ids = new ArrayList<>(articles.size());
      Change recorded = null;
      try {
        for (Article article : articles) {
          WriteOutcome outcome = indexer.write(article, open);
          switch (outcome) {
            case ADDED -> added.add(Curation.ArticleRef.of(article));
            case UPDATED -> updated.add(Curation.ArticleRef.of(article));
            case UNCHANGED -> unchanged++;
          }
          ids.add(article.id());
        }
        if (added.size() + updated.size() > 0) {
          // Recorded before the commit, and taken back if the commit fails: a write the record could
          // not note (its disk full) is not kept, where it was kept and answered 500; and a record of
          // a write is never kept for a write that was lost.
          if (writer != null && curation != null) {
            recorded = curation.recordPosted(writer, added, updated, why);
          }
          indexer.commit(open, articleCommitData());
        }
      } catch (IOException | RuntimeException e) {
        rollBack(e);
        takeBack(recorded, e);
        DiskFullException.whenFull(e, (articles.size() == 1 ? "the article in this request was not kept"
            : "none of the " + articles.size() + " articles in this request was kept")
            + ", and the archive holds what it held before. Free space on the disk that holds the archive,"
            + " then send the same request again");
        unwritable(e, articles.size() == 1 ? "the article in this request was not kept"
            : "none of the " + articles.size() + " articles in this request was kept");
        throw e;
      }
      if (added.size() + updated.size() > 0) {
        searcher.refresh();
      }
      List<String> corrected = curation == null ? List.of()
          : ids.stream().filter(id -> curation.articleCorrection(id).isPresent()).toList();
      Optional<String> version = ids.size() == 1 ? open.fingerprint(ids.get(0)) : Optional.empty();
      return new Written(new PutResult(added.size(), updated.size(), unchanged, ids, corrected), version);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes an article (under whichever Unicode form of {@code sent} the index holds it), then commits
   * and refreshes, and says whether the index held it; if {@code
   * expected} accepts the article's current version, checked under the write lock;
   * the deletion goes in the changes record under {@code writer}'s name as {@link #put} records.
   *
   * @throws DiskFullException when the disk under the archive is full: nothing was deleted
   */
  public boolean delete(String writer, Optional<String> reason, String sent, Predicate<Optional<String>> expected)
      throws IOException {
    Optional<String> why = Curation.reason(reason);
    lock.lock();
    try {
      ArchiveStore open = writer();
      String id = ArchiveIndexer.heldId(sent, open);
      Optional<String> current = open.fingerprint(id);
      if (!expected.test(current)) {
        throw VersionMismatchException.of(id, current);
      }
      Optional<Curation.ArticleRef> was = writer != null && curation != null
          ? searcher.article(id).map(stored -> Curation.ArticleRef.of(stored.article())) : Optional.empty();
      boolean deleted;
      Change recorded = null;
      try {
        deleted = open.delete(id);
        if (deleted) {
          // Recorded before the commit and taken back if it fails, as a put is.
          if (was.isPresent()) {
            recorded = curation.recordDeleted(writer, was.get(), why);
          }
          indexer.commit(open, articleCommitData());
        }
      } catch (IOException | RuntimeException e) {
        rollBack(e);
        takeBack(recorded, e);
        DiskFullException.whenFull(e, "article '" + id + "' was not deleted, and the archive holds what it held before. Free"
            + " space on the disk that holds the archive, then send the same request again");
        unwritable(e, "article '" + id + "' was not deleted");
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

  /**
   * Takes back the record of a write that failed, so the changes record never names a write that was
   * lost; a failure to take it back is added to {@code failure}, which is what the client is told.
   */
  private void takeBack(Change recorded, Exception failure) {
    if (recorded == null) {
      return;
    }
    try {
      curation.takeBack(recorded);
    } catch (IOException | RuntimeException notTaken) {
      failure.addSuppressed(notTaken);
    }
  }

  /**
   * An index changed over the API is the user's own from then on (no corpus fingerprint); it records
   * how far the curation it holds goes.
   */
  private Map<String, String> articleCommitData() {
    commitData = new HashMap<>(COMMIT_DATA);
    if (curation != null) {
      commitData.put(Curation.COMMIT_KEY, Long.toString(curatedUpTo));
    }
    return commitData;
  }

  /** When the archive this writes was last committed, as its reads' Last-Modified says. */
  public Optional<Instant> lastCommit() throws IOException {
    return searcher.lastCommit();
  }

  /** A write's expected version is not the article's current one. */
  public static final class VersionMismatchException extends RuntimeException {
    private final String id;

    VersionMismatchException(String id) {
      this(id, "article '" + id + "' has changed (or was deleted) since the version named in If-Match was read:"
          + " read it again, then write");
    }

    /**
     * The refusal as the article stands: one the archive does not hold was not changed since anything
     * was read, and "If-Match: *" on it asked that it exist (developer's trial, session 40).
     */
    static VersionMismatchException of(String id, Optional<String> current) {
      return current.isPresent() ? new VersionMismatchException(id) : new VersionMismatchException(id, "the archive"
          + " holds no article '" + id + "', and If-Match asks for one that exists: write it without If-Match to add it");
    }

    VersionMismatchException(String id, String message) {
      super(message);
      this.id = id;
    }

    /** The article's id. */
    public String id() {
      return id;
    }
  }

  /**
   * The disk under the archive is full (or out of quota): a failed change says so, and what of the
   * request was kept, rather than being the server's own failure. An engine reports it as an {@link
   * ArchiveNotWritableException}, which the indexer may have wrapped.
   */
  public static final class DiskFullException extends IOException {
    private static final long serialVersionUID = 1L;

    DiskFullException(String kept, Throwable cause) {
      super("The archive's disk is full: " + kept + ".", cause);
    }

    /** Raises one saying what of the request was kept ({@code kept}) when {@code failure} is a full disk's. */
    public static void whenFull(Exception failure, String kept) throws DiskFullException {
      if (full(failure)) {
        throw new DiskFullException(kept, failure);
      }
    }

    static boolean full(Exception failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof ArchiveNotWritableException notWritable && notWritable.full()) {
          return true;
        }
      }
      return false;
    }
  }


  /**
   * A write the archive refused for a reason of its own, not a bug: its index folder moved away or
   * unreadable, its files not writable. A 503 that says what of the request was kept, where it was a
   * 500 (a user's trial); the cause, which may name files and classes, goes to the log only. When the
   * engine's health says the archive's storage is lost, the 503 says that only an operator can mend
   * it, in the words health gives, not to try again.
   */
  private void unwritable(Exception failure, String kept) throws ArchiveUnavailableException {
    if (failure instanceof ArchiveLostException
        || failure instanceof ArchiveUnavailableException && !(failure instanceof ArchiveGoneException)) {
      return; // already said, by writer() or the engine
    }
    lost(failure, kept);
    if (failure instanceof IOException) {
      throw new ArchiveUnavailableException("the archive could not be written (the server's log says why): " + kept,
          failure);
    }
  }

  /**
   * Raises an {@link ArchiveLostException} when the archive is gone: the failure or the engine's health
   * says so (a cluster's index deleted), or health says its storage is lost (an embedded index's folder).
   */
  private void lost(Exception failure, String kept) throws ArchiveLostException {
    if (failure instanceof ArchiveGoneException gone) {
      throw new ArchiveLostException("the archive could not be written: " + kept + "; " + gone.getMessage(), failure);
    }
    ArchiveHealth health;
    try {
      health = searcher.health();
    } catch (ArchiveGoneException gone) {
      failure.addSuppressed(gone);
      throw new ArchiveLostException("the archive could not be written: " + kept + "; " + gone.getMessage(), failure);
    } catch (IOException | RuntimeException unread) {
      failure.addSuppressed(unread);
      return;
    }
    if (health.lost()) {
      throw new ArchiveLostException("the archive could not be written: " + kept + "; "
          + health.degraded().orElse("its storage is gone"), failure);
    }
  }

  /**
   * A write refused because the archive's storage is gone from under the server (its index folder moved
   * away or deleted, its cluster index deleted): nothing can be kept until an operator restores it, so
   * trying again will not help. The writer is never opened on a new, empty archive in its place: the writes it took were lost
   * with it when the folder came back, and the next start served it.
   */
  public static final class ArchiveLostException extends ArchiveGoneException {
    private static final long serialVersionUID = 1L;

    ArchiveLostException(String message, Throwable cause) {
      super(message, cause);
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

  /**
   * The open writer; after a failed write whose writer could not be opened again (the index folder
   * moved away, say), opened again now: a trial put the folder back and every write still answered
   * 500 "restart the server". Still not there, the write is a 503 that says so, and nothing is kept.
   */
  private ArchiveStore writer() throws IOException {
    if (writer == null) {
      try {
        writer = stores.open();
      } catch (IOException | RuntimeException e) {
        lost(e, "nothing of this request was kept");
        throw new ArchiveUnavailableException("the archive's index cannot be opened for writing"
            + " since a write failed (the server's log says why)", e);
      }
    }
    return writer;
  }

  /**
   * Throws away what the failed change wrote (closing a writer rolls back to the last commit), and the
   * stories the indexer decided for it, and opens a fresh writer, so the next change starts from the
   * last commit: remembered, a lost article's story took in the next copy of its text (a trial's). The
   * stores open only an archive that is there, so a folder lost leaves no writer, never one on a new,
   * empty archive (which took later writes, and which the next start served). With no writer open, the
   * change failed opening one ({@link #writer()}): it wrote nothing, and opening again at once, in the
   * same request, would only fail again; the next change tries.
   */
  private void rollBack(Exception failure) {
    indexer.rolledBack();
    ArchiveStore failed = writer;
    if (failed == null) {
      return;
    }
    writer = null;
    try {
      failed.close();
      writer = stores.open();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e); // the writer stays closed: the next change tries to open it again
    }
  }
}
