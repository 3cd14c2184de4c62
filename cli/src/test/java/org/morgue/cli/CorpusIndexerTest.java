package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexProgress;
import org.morgue.indexer.source.ArticleFiles;

/** {@code morgue serve}'s sample-corpus index: rebuilt when the corpus changed, and only then. */
class CorpusIndexerTest {
  private final ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());


  private void index(Path index, Path... paths) throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      indexer.index(List.of(paths), writer, Map.of());
    }
  }

  @Test
  void corpusIndexIsRebuiltOnlyWhenTheCorpusChanges(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    CorpusIndexer corpusIndexer = new CorpusIndexer(indexer, new CorpusFingerprint(ArticleFiles.standard()));

    assertEquals(2, corpusIndexer.indexIfStale(corpus, index, IndexProgress.SILENT).orElseThrow().indexed());
    assertTrue(corpusIndexer.indexIfStale(corpus, index, IndexProgress.SILENT).isEmpty(), "an up-to-date index is not rebuilt");

    Files.delete(corpus.resolve(SeedArticles.KILL_CLAIMS + ".txt"));
    assertEquals(1, corpusIndexer.indexIfStale(corpus, index, IndexProgress.SILENT).orElseThrow().indexed());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(1, searcher.articleCount(), "a removed corpus file leaves the index on rebuild");
    }
  }

  @Test
  void anIndexBuiltByHandIsNeverWipedByTheCorpusCheck(@TempDir Path tmp) throws IOException {
    Path mine = SeedArticles.writeFolder(tmp.resolve("mine"));
    Path index = tmp.resolve("index");
    index(index, mine.resolve(SeedArticles.CRACKDOWN + ".txt"));
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    CorpusIndexer corpusIndexer = new CorpusIndexer(indexer, new CorpusFingerprint(ArticleFiles.standard()));

    assertTrue(corpusIndexer.indexIfStale(corpus, index, IndexProgress.SILENT).isEmpty());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(1, searcher.articleCount());
    }
  }
}
