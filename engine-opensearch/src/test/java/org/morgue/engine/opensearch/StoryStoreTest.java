package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.story.StoryKeys;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.StoryVersion;

/**
 * The cluster store files copies under one story when they arrive in different runs: the copy
 * indexed later finds the earlier versions through {@code versionsSharing}, an indexed look-up of
 * the band keys the first run committed, and after a mapping move too, which carries the band keys
 * over from the old index's stored fields.
 */
class StoryStoreTest {
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");
  static final String COURIER = "crackdown-courier";

  /** The fixture split in two folders: every article but the courier's copy, and that copy alone. */
  static List<Path> split(Path tmp) throws IOException {
    Path first = Files.createDirectories(tmp.resolve("first"));
    Path later = Files.createDirectories(tmp.resolve("later"));
    List<String> lines = Files.readAllLines(COPIES.resolve("wire-copies.jsonl"));
    Files.write(first.resolve("a.jsonl"), lines.stream().filter(l -> !l.contains("\"" + COURIER + "\"")).toList());
    Files.write(later.resolve("b.jsonl"), lines.stream().filter(l -> l.contains("\"" + COURIER + "\"")).toList());
    return List.of(first, later);
  }

  static void index(ArchiveIndex archive, Path folder, int commitEvery) throws IOException {
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), commitEvery, 1)
          .index(List.of(folder), store, Map.of());
    }
  }

  static List<String> versions(OpenSearchEngine engine, String id) throws IOException {
    return engine.story(id).orElseThrow().versions().stream().map(StoryVersion::articleId).toList();
  }

  @Test
  void aCopyIndexedInALaterRunJoinsTheStoryItFindsInTheIndex(@TempDir Path tmp) throws IOException {
    ArchiveIndex archive = TestCluster.newArchive("stories");
    List<Path> folders = split(tmp);
    // A commit after every article: each copy in the first run is found among committed articles too.
    index(archive, folders.get(0), 1);
    OpenSearchEngine engine = OpenSearchEngine.open(archive);
    assertEquals(List.of("crackdown-original", "crackdown-corrected"), versions(engine, "crackdown-corrected"));
    assertEquals(List.of("reuters-1-original", "reuters-1-reissue"), versions(engine, "reuters-1-reissue"));

    // What the second run's filter is made from: every committed article's band keys, read back.
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      long articles = archive.connection().send("GET", "/" + archive.alias() + "/_count", null).path("count").asLong();
      assertEquals(articles, store.articlesWithBandKeys(), "the count the filter is sized by");
      long[] keys = {0};
      assertTrue(store.forEachBandKey(key -> keys[0]++));
      assertEquals(articles * StoryKeys.most(CopyDetection.STANDARD), keys[0],
          "every band key and lead key of " + articles + " articles");
    }

    index(archive, folders.get(1), 1_000);
    engine.refresh();
    assertEquals("crackdown-original", engine.story(COURIER).orElseThrow().id());
    assertEquals(List.of("crackdown-original", COURIER, "crackdown-corrected"), versions(engine, COURIER));
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      assertEquals(List.of("crackdown-corrected", COURIER, "crackdown-original"),
          store.storyMembers("crackdown-original").stream().sorted().toList());
      assertEquals(List.of(), store.storyMembers("no-such-story"));
      // Where each article was read: what a later run over the folders compares with what it reads.
      Map<String, String> origins = new java.util.HashMap<>();
      store.forEachOrigin(origins::put);
      long articles = archive.connection().send("GET", "/" + archive.alias() + "/_count", null).path("count").asLong();
      assertEquals(articles, origins.size(), origins.toString());
      assertEquals(folders.get(1).resolve("b.jsonl") + "#1", origins.get(COURIER));
      assertTrue(origins.get("crackdown-original").startsWith(folders.get(0).resolve("a.jsonl") + "#"), origins.toString());
    }
  }

  @Test
  void bandKeysMoveWithTheArticlesToANewMapping(@TempDir Path tmp) throws IOException {
    ArchiveIndex archive = TestCluster.newArchive("stories-move");
    List<Path> folders = split(tmp);
    index(archive, folders.get(0), 1_000);
    String old = archive.currentIndex().orElseThrow();
    ObjectNode meta = ClusterConnection.object();
    meta.putObject("_meta").put(ArchiveIndex.MAPPING_KEY, "0");
    archive.connection().send("PUT", "/" + old + "/_mapping", meta);

    index(archive, folders.get(1), 1_000); // opening the store moves the archive first
    assertNotEquals(old, archive.currentIndex().orElseThrow(), "the archive moved to a new index");
    OpenSearchEngine engine = OpenSearchEngine.open(archive);
    assertEquals(List.of("crackdown-original", COURIER, "crackdown-corrected"), versions(engine, COURIER));
    assertEquals(List.of("reuters-1-original", "reuters-1-reissue"), versions(engine, "reuters-1-original"));
  }
}
