package org.morgue.indexer.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.morgue.indexer.article.EnrichedArticle;

/**
 * Writes enriched articles into an index folder. An article replaces any earlier version with the
 * same id, so indexing the same input twice leaves the same articles. Nothing is visible to
 * searchers until {@link #commit}.
 */
public final class ArchiveWriter implements Closeable {
  /** Commit metadata key: the schema version the index was written with. */
  public static final String SCHEMA_KEY = "morgue.schema";

  private final Directory directory;
  private final IndexWriter writer;
  private final ArticleDocumentBuilder documents = new ArticleDocumentBuilder();

  private ArchiveWriter(Directory directory, IndexWriter writer) {
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * Opens (or creates) the index in a folder.
   *
   * @throws IndexLockedException when another process is writing to the same index
   */
  public static ArchiveWriter open(Path folder) throws IOException {
    Files.createDirectories(folder);
    Directory directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(ArchiveSchema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    try {
      return new ArchiveWriter(directory, new IndexWriter(directory, config));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(folder, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Adds an article, or replaces the stored one with the same id. */
  public void put(EnrichedArticle article) throws IOException {
    writer.updateDocument(new Term(ArchiveSchema.ID, article.article().id()), documents.build(article));
  }

  /** Removes the article with this id, if there is one. */
  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(ArchiveSchema.ID, id));
  }

  /** Removes every article: the first step of a full rebuild. */
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Makes everything written so far durable and visible, recording the given metadata with it. */
  public void commit(Map<String, String> metadata) throws IOException {
    Map<String, String> data = new java.util.HashMap<>(metadata);
    data.put(SCHEMA_KEY, ArchiveSchema.VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** The metadata of the last commit of the index in a folder, or empty when there is no index. */
  public static Optional<Map<String, String>> lastCommitData(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Directory directory = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(directory)) {
        return Optional.empty();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return Optional.of(reader.getIndexCommit().getUserData());
      }
    }
  }

  /** Closes without committing what was written since the last commit. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } finally {
      directory.close();
    }
  }
}
