package org.morgue.engine.lucene.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/**
 * When the archive first received an article ({@code added}) outlives the index: a rebuild from
 * nothing, a deleted index folder and a re-import of changed text under the same id keep it, because
 * the writer keeps arrivals in a record beside the index ({@link org.morgue.search.Arrivals}) and looks there for an
 * article its index does not hold.
 */
class ArrivalsKeptTest {
  private static final List<String> SEEDS = List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS);
  private final ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());

  private void index(Path index, Path arrivals, boolean fromNothing, Path... paths) throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index, arrivals)) {
      if (fromNothing) {
        writer.deleteAll();
      }
      indexer.index(List.of(paths), writer, Map.of());
    }
  }

  private static Map<String, Instant> added(Path index, List<String> ids) throws IOException {
    Map<String, Instant> added = new HashMap<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      for (String id : ids) {
        added.put(id, searcher.indexed(id).orElseThrow().added().orElseThrow());
      }
    }
    return added;
  }

  /** Waits for the clock to pass an instant, so that a write taking a new time could not take that one again. */
  private static void clockPast(Map<String, Instant> times) {
    Instant last = times.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    while (!Instant.now().isAfter(last.plusMillis(1))) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRebuildFromNothingKeepsWhenEachArticleArrived(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Path arrivals = tmp.resolve("index.arrivals");
    index(index, arrivals, false, corpus);
    Map<String, Instant> first = added(index, SEEDS);
    clockPast(first);

    index(index, arrivals, false, corpus);
    assertEquals(first, added(index, SEEDS), "the same files indexed again");

    index(index, arrivals, true, corpus);
    assertEquals(first, added(index, SEEDS), "a rebuild from nothing, as serve does after a schema upgrade");

    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    index(index, arrivals, false, corpus);
    assertEquals(first, added(index, SEEDS), "the index folder deleted and the files indexed again");
  }

  @Test
  void changedTextUnderTheSameIdKeepsItsArrivalAndANewIdIsANewArrival(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Path arrivals = tmp.resolve("index.arrivals");
    index(index, arrivals, false, corpus);
    Map<String, Instant> first = added(index, SEEDS);
    clockPast(first);

    Path crackdown = corpus.resolve(SeedArticles.CRACKDOWN + ".txt");
    Files.writeString(crackdown, Files.readString(crackdown).replace("Venezuela", "Venezuela (corrected)"));
    Files.writeString(corpus.resolve("edited-crackdown.txt"), Files.readString(crackdown));
    index(index, arrivals, true, corpus);

    assertEquals(first, added(index, SEEDS), "the corrected text under its old id, rebuilt");
    Instant edited = added(index, List.of("edited-crackdown")).get("edited-crackdown");
    assertTrue(edited.isAfter(first.get(SeedArticles.CRACKDOWN)),
        "an edited copy under a new id is nothing the archive knew: " + edited + " vs " + first);
  }

  @Test
  void aDeletedArticlePutAgainIsReceivedAgain(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    Path arrivals = tmp.resolve("index.arrivals");
    index(index, arrivals, false, corpus);
    Map<String, Instant> first = added(index, SEEDS);
    clockPast(first);
    try (ArchiveWriter writer = ArchiveWriter.open(index, arrivals)) {
      writer.delete(SeedArticles.CRACKDOWN);
      writer.commit(Map.of());
    }

    index(index, arrivals, true, corpus);

    Map<String, Instant> again = added(index, SEEDS);
    assertEquals(first.get(SeedArticles.KILL_CLAIMS), again.get(SeedArticles.KILL_CLAIMS));
    assertTrue(again.get(SeedArticles.CRACKDOWN).isAfter(first.get(SeedArticles.CRACKDOWN)),
        "deleted, it left the archive; indexed again, it came in again");
  }

  @Test
  void anIndexWrittenBeforeArrivalsWereKeptGivesThemToTheRecordBeforeARebuild(@TempDir Path tmp)
      throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      indexer.index(List.of(corpus), writer, Map.of());
    }
    Map<String, Instant> first = added(index, SEEDS);
    clockPast(first);

    index(index, tmp.resolve("index.arrivals"), true, corpus);

    assertEquals(first, added(index, SEEDS));
  }
}
