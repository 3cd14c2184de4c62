package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Instant;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.IndexStats;

/**
 * Facts about the index as a searcher sees it: how many articles, when its commit was written, and
 * its size on disk.
 *
 * <p>Invariants: the article count and commit time are those of the searcher's reader, so they agree
 * with what its searches see; the commit time is the one the writer put in the commit's data (empty
 * for an index that does not say), so it changes with every commit a search can see. The size is of
 * every file in the folder now, which may include files a merge is about to delete.
 *
 * <p>Cost: the count and commit time are read from the open reader, not from disk; the size lists
 * the folder and asks each file's length; health lists the folder.
 */
final class IndexStatsReader {
  private IndexStatsReader() {}

  /** When the commit the searcher sees was written; empty when its commit data does not say. */
  static Optional<Instant> lastCommit(IndexSearcher searcher) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    return Optional.ofNullable(reader.getIndexCommit().getUserData().get(ArchiveWriter.COMMITTED_AT_KEY))
        .map(Instant::parse);
  }

  /**
   * The searcher's article count and commit time, and the folder's size: 0 once the folder is gone or
   * cannot be listed (a server searches what it opened; {@link #health} says the archive is at risk).
   */
  static IndexStats stats(IndexSearcher searcher, Directory directory) throws IOException {
    long bytes = 0;
    String[] files;
    try {
      files = directory.listAll();
    } catch (FileSystemException e) {
      // Taken away or replaced under a running server, which still searches what it had open:
      // nothing of it can be measured on disk.
      files = new String[0];
    }
    for (String file : files) {
      try {
        bytes += directory.fileLength(file);
      } catch (NoSuchFileException e) {
        // Deleted by a merge between listing and measuring: it is no longer part of the index.
      }
    }
    return new IndexStats(searcher.getIndexReader().numDocs(), bytes, lastCommit(searcher));
  }

  /**
   * The searcher's article count, and whether the folder can still be read: one gone, replaced by a
   * file or unreadable under a running server (a mistaken restore, a removed mount) leaves searches
   * answering from the readers open, while no change can be kept and the next start finds no archive.
   * Only an operator can mend that, so it is a degraded archive, not an unavailable one: a load
   * balancer keeps the server while searches answer, and monitoring warns.
   */
  static ArchiveHealth health(IndexSearcher searcher, Directory directory) {
    int articles = searcher.getIndexReader().numDocs();
    try {
      directory.listAll();
      return ArchiveHealth.ok(articles);
    } catch (IOException e) {
      // The reason may be shown to anyone: the folder's path goes to the log only, with the cause.
      return ArchiveHealth.lost(articles, lost(e) + ": searches answer from what the server opened before,"
          + " but no change can be kept and the next start will not find the archive; an operator must restore the"
          + " index folder (the server's log names it)", e);
    }
  }

  /** What became of the folder, in words, without its path. */
  private static String lost(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "the index folder is gone";
    }
    if (e instanceof NotDirectoryException) {
      return "the index folder is no longer a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission to read the index folder is denied";
    }
    return "the index folder cannot be read";
  }
}
