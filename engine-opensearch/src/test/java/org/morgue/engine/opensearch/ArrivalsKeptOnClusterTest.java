package org.morgue.engine.opensearch;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.Arrivals;

/**
 * The cluster store keeps when each article arrived through a rebuild into a new index, as the
 * embedded one does: both look in the record beside the archive ({@link Arrivals}) for an article
 * their index does not hold.
 */
class ArrivalsKeptOnClusterTest {
  private static final List<String> SEEDS =
      List.of("trump-escalates-venezuela-crackdown", "us-military-kill-claims-raise-the-stakes");

  private static void index(OpenSearchStore store, Path folder) throws IOException {
    try (store) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(folder), store, Map.of());
    }
  }

  private static Map<String, Instant> added(ArchiveIndex archive, List<String> ids) throws IOException {
    Map<String, Instant> added = new HashMap<>();
    try (OpenSearchEngine engine = OpenSearchEngine.open(archive)) {
      for (String id : ids) {
        added.put(id, engine.indexed(id).orElseThrow().added().orElseThrow());
      }
    }
    return added;
  }

  private static void clockPast(Map<String, Instant> times) {
    Instant last = times.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    while (!Instant.now().isAfter(last.plusMillis(1))) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRebuildIntoANewIndexKeepsWhenEachArticleArrived(@TempDir Path tmp) throws IOException {
    ArchiveIndex archive = TestCluster.newArchive("arrivals");
    Path seeds = TestCluster.CORPUS.resolve("seed-articles");
    Path arrivals = tmp.resolve("archive.arrivals");
    index(OpenSearchStore.open(archive, Arrivals.open(arrivals)), seeds);
    Map<String, Instant> first = added(archive, SEEDS);
    clockPast(first);

    index(OpenSearchStore.open(archive, Arrivals.open(arrivals)), seeds);
    assertEquals(first, added(archive, SEEDS), "the same files indexed again");

    String before = archive.currentIndex().orElseThrow();
    index(OpenSearchStore.openEmpty(archive, Arrivals.open(arrivals)), seeds);
    assertTrue(!before.equals(archive.currentIndex().orElseThrow()), "the rebuild wrote a new index");
    assertEquals(first, added(archive, SEEDS), "a rebuild from nothing");

    Path edited = Files.createDirectories(tmp.resolve("edited"));
    String crackdown = Files.readString(seeds.resolve(SEEDS.get(0) + ".txt"));
    Files.writeString(edited.resolve(SEEDS.get(0) + ".txt"), crackdown.replace("Venezuela", "Venezuela (corrected)"));
    Files.writeString(edited.resolve("edited-crackdown.txt"), crackdown);
    index(OpenSearchStore.openEmpty(archive, Arrivals.open(arrivals)), edited);
    assertEquals(first.get(SEEDS.get(0)), added(archive, SEEDS.subList(0, 1)).get(SEEDS.get(0)),
        "changed text under the same id, rebuilt");
    assertTrue(added(archive, List.of("edited-crackdown")).get("edited-crackdown").isAfter(first.get(SEEDS.get(0))),
        "a new id is a new arrival");
  }

  @Test
  void anArchiveWrittenBeforeArrivalsWereKeptGivesThemToTheRecordBeforeARebuild(@TempDir Path tmp)
      throws IOException {
    ArchiveIndex archive = TestCluster.newArchive("arrivals-before");
    Path seeds = TestCluster.CORPUS.resolve("seed-articles");
    index(OpenSearchStore.open(archive), seeds);
    Map<String, Instant> first = added(archive, SEEDS);
    clockPast(first);

    index(OpenSearchStore.openEmpty(archive, Arrivals.open(tmp.resolve("archive.arrivals"))), seeds);

    assertEquals(first, added(archive, SEEDS));
  }
}
