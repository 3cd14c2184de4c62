package org.morgue.engine.lucene.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * The open index: its folder, the searchers over its latest refreshed reader, the threads that
 * search its segments side by side, and the {@link ReaderState} of the current reader.
 *
 * <p>Invariants: a {@link Lease} hands out one searcher and, when asked, the state read from that
 * searcher's own reader, looked up once per lease, so the two are never mixed even while searches
 * on an old and a refreshed reader overlap; every lease is closed, which releases its searcher so a
 * refresh can close old readers. Only the state of the newest reader asked for is kept: while an old
 * and a new reader overlap, each look-up may rebuild it.
 *
 * <p>Cost: a lease is an increment and a decrement of the reader's count; the first state asked for
 * after a refresh is built then (see {@link ReaderState}). Thread-safe; one instance serves every
 * request.
 */
final class IndexSearchers implements Closeable {
  private final Directory directory;
  private final ExecutorService segmentSearchers;
  private final SearcherFactory factory;
  /** Replaced only when the folder was emptied and indexed anew under the server ({@link #refreshIfWritten}). */
  private volatile SearcherManager searchers;
  private final FacetsConfig facets = ArchiveSchema.facetsConfig();
  private final SegmentColumnsCache columnsCache = new SegmentColumnsCache(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
  private ReaderState current; // guarded by this


  private IndexSearchers(Directory directory) throws IOException {
    this.directory = directory;
    this.segmentSearchers = segmentSearchers(Runtime.getRuntime().availableProcessors());
    this.factory = new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        return new IndexSearcher(reader, segmentSearchers);
      }
    };
    this.searchers = new SearcherManager(directory, factory);
  }

  /** Opens the index in a folder; closes the folder again if that fails. */
  static IndexSearchers open(Path folder) throws IOException {
    Directory directory = FSDirectory.open(folder);
    try {
      return new IndexSearchers(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Threads that search slices of the index's segments side by side, so one search uses every core:
   * counting facets over every match is what a search mostly costs, and it divides by segment. The
   * calling thread searches slices too. None with a single core.
   */
  private static ExecutorService segmentSearchers(int cores) {
    if (cores < 2) {
      return null;
    }
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(cores, task -> {
      Thread thread = new Thread(task, "morgue-search-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The index's folder, for what is measured on disk. */
  Directory directory() {
    return directory;
  }

  /** A searcher over the latest refreshed reader, until the lease is closed. */
  Lease acquire() throws IOException {
    while (true) {
      SearcherManager manager = searchers;
      try {
        return new Lease(manager, manager.acquire());
      } catch (AlreadyClosedException replaced) {
        // Replaced between reading the field and asking it: ask the new one.
      }
    }
  }

  /** Makes commits written since the last refresh visible to later leases. */
  void refresh() throws IOException {
    while (true) {
      SearcherManager manager = searchers;
      try {
        manager.maybeRefreshBlocking();
        return;
      } catch (AlreadyClosedException replaced) {
        // Replaced by refreshIfWritten meanwhile: the new one opened on the latest commit, but refresh
        // it all the same. Closed with the index, it is an error.
        if (manager == searchers) {
          throw replaced;
        }
      }
    }
  }

  /**
   * Refreshes when a commit was written since the reader opened. Otherwise it costs a look at the
   * folder's listing and a read of its latest segments_N file, whose commit id tells a folder indexed
   * anew from the one the reader has open.
   */
  synchronized boolean refreshIfWritten() throws IOException {
    SearcherManager manager = searchers;
    IndexSearcher searcher = manager.acquire();
    boolean current;
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      current = reader.isCurrent();
      // A folder emptied and indexed anew ("rm -rf index; ./morgue index --index index ...") can
      // reach the very commit version the open reader has, which isCurrent compares, and then looked
      // current for good; the id Lucene gives every commit at random tells the two apart.
      if (current && (!(reader instanceof StandardDirectoryReader open)
          || Arrays.equals(open.getSegmentInfos().getId(), SegmentInfos.readLatestCommit(directory).getId()))) {
        return false;
      }
      // A commit made between the two looks is an ordinary one, not a folder indexed anew: asked again,
      // the reader is no longer current. Taking it for a new folder closed the searchers a write was
      // refreshing (an AlreadyClosedException, a 500 to the POST that had just been written).
      current = current && reader.isCurrent();
    } finally {
      manager.release(searcher);
    }
    if (!current) {
      try {
        manager.maybeRefreshBlocking();
        return true;
      } catch (IllegalStateException | IOException rebuilt) {
        // Lucene refuses to refresh across segments that are not the ones the open reader knew (the
        // user trial's server answered a deleted index's articles for good): opened afresh below.
      }
    }
    searchers = new SearcherManager(directory, factory);
    manager.close();
    return true;
  }

  private synchronized ReaderState stateOf(IndexReader reader) throws IOException {
    if (current == null || current.reader() != reader) {
      current = ReaderState.read(reader, facets, columnsCache, segmentSearchers);
    }
    return current;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      if (segmentSearchers != null) {
        segmentSearchers.shutdown();
      }
      directory.close();
    }
  }

  /** One searcher and the state of its reader, for one request. Not for sharing between threads. */
  final class Lease implements AutoCloseable {
    /** The manager the searcher came from, which takes it back even if another replaced it meanwhile. */
    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private ReaderState state;

    private Lease(SearcherManager manager, IndexSearcher searcher) {
      this.manager = manager;
      this.searcher = searcher;
    }

    IndexSearcher searcher() {
      return searcher;
    }

    /** The state of this searcher's reader, looked up on first use and then kept for this lease. */
    ReaderState state() throws IOException {
      if (state == null) {
        state = stateOf(searcher.getIndexReader());
      }
      return state;
    }

    @Override
    public void close() throws IOException {
      manager.release(searcher);
    }
  }
}
