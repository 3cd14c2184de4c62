package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/**
 * The corpus Morgue ships, indexed for tests that search the real archive. Enriching its 279
 * articles takes seconds, so it is indexed once per test run and each test class gets its own copy.
 */
final class ShippedCorpusIndex {
  /** Surefire runs in the engine-lucene module; the shipped corpus is its sibling. */
  static final Path CORPUS = Path.of("..", "corpus", "articles");

  private static Path once;

  private ShippedCorpusIndex() {}

  /** A copy of the shipped corpus's index in {@code tmp/index} (free to write to), opened for searching. */
  static ArchiveSearcher open(Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    try (Directory from = FSDirectory.open(once()); Directory to = FSDirectory.open(index)) {
      for (String file : from.listAll()) {
        to.copyFrom(from, file, file, IOContext.DEFAULT);
      }
    }
    return ArchiveSearcher.open(index);
  }

  private static synchronized Path once() throws IOException {
    if (once == null) {
      Path folder = Files.createTempDirectory("morgue-shipped-corpus");
      try (ArchiveWriter writer = ArchiveWriter.open(folder)) {
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(CORPUS), writer, Map.of());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
      once = folder;
    }
    return once;
  }

  private static void deleteQuietly(Path folder) {
    try (Directory directory = FSDirectory.open(folder)) {
      for (String file : directory.listAll()) {
        directory.deleteFile(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // A temp folder left behind is the system's to clean; the test run's outcome does not change.
    }
  }
}
