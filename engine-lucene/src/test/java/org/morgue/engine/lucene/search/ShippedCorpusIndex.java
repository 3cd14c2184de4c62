package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/** Indexes the corpus Morgue ships into a temp folder, for tests that search the real archive. */
final class ShippedCorpusIndex {
  /** Surefire runs in the indexer module; the shipped corpus is its sibling. */
  static final Path CORPUS = Path.of("..", "corpus", "articles");

  private ShippedCorpusIndex() {}

  /** The shipped corpus indexed into {@code tmp/index}, opened for searching. */
  static ArchiveSearcher open(Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(CORPUS), writer, Map.of());
    }
    return ArchiveSearcher.open(index);
  }
}
