package org.morgue.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;

/** The archive that ships with Morgue must index completely: a newcomer's first run skips nothing. */
class ShippedCorpusTest {
  /** Surefire runs in the module folder, where the corpus lives. */
  static final Path CORPUS = Path.of("articles");

  @Test
  void everyFileOfTheShippedCorpusIndexesWithoutASkip(@TempDir Path tmp) throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    int fileCount = files.files(List.of(CORPUS)).size();
    IndexReport report;
    try (ArchiveWriter writer = ArchiveWriter.open(tmp.resolve("index"))) {
      report = new ArchiveIndexer(files, ArticleEnricher.standard()).index(List.of(CORPUS), writer, Map.of());
    }
    assertEquals(List.of(), report.skipped());
    assertEquals(fileCount, report.files());
    assertTrue(report.indexed() >= 2, "the two seed articles at least");
  }
}
