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
import org.morgue.search.ArchiveUnavailableException;
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
 * the folder and asks each file's length.
 */
final class IndexStatsReader {
  private IndexStatsReader() {}

  /** When the commit the searcher sees was written; empty when its commit data does not say. */
  static Optional<Instant> lastCommit(IndexSearcher searcher) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    return Optional.ofNullable(reader.getIndexCommit().getUserData().get(ArchiveWriter.COMMITTED_AT_KEY))
        .map(Instant::parse);
  }

  /** The searcher's article count and commit time, and the folder's size. */
  static IndexStats stats(IndexSearcher searcher, Directory directory) throws IOException {
    long bytes = 0;
    String[] files;
    try {
      files = directory.listAll();
    } catch (NoSuchFileException e) {
      // The folder was taken away under a running server, which still searches what it had open:
      // nothing of it is left on disk.
      files = new String[0];
    } catch (FileSystemException e) {
      // Said to whoever asks (a health check's 503): the folder and what the file system said, not
      // the exception's class.
      throw new ArchiveUnavailableException("the index cannot be read: " + unreadable(e), e);
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

  /** Why the folder cannot be listed, in words: a restore that left a file in its place, permissions, or the disk. */
  private static String unreadable(FileSystemException e) {
    String folder = e.getFile() == null ? "its folder" : e.getFile();
    if (e instanceof NotDirectoryException) {
      return folder + " is not a folder any more";
    }
    if (e instanceof AccessDeniedException) {
      return "permission to read " + folder + " is denied";
    }
    return folder + (e.getReason() == null ? " cannot be listed" : ": " + e.getReason());
  }
}
