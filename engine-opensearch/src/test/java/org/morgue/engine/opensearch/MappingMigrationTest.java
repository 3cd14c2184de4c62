package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.indexer.SeedArticles;
import org.morgue.search.IndexedArticle;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * An archive written with an older mapping moves to a new index when a newer Morgue opens it for
 * writing, while searches keep answering through the alias: every search during the move sees the
 * whole archive, from the old index until the alias switches and from the new one after.
 */
class MappingMigrationTest {
  @Test
  void anOlderMappingIsReindexedBehindTheAliasWithNoSearchMissingAnArticle() throws Exception {
    ArchiveIndex archive = TestCluster.newArchive("migrate");
    TestCluster.index(archive, TestCluster.SMALL_CORPUS);
    // Memberships are in no article: the move must carry them over from the old documents.
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      store.put(OpenSearchEngine.open(archive).article(SeedArticles.CRACKDOWN).orElseThrow(), Set.of("reading-list"), "member");
      store.commit(archive.lastCommitData().orElseThrow());
    }
    // A second write: an old article added after the rest, which sort=added puts first.
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      EnrichedArticle seed = OpenSearchEngine.open(archive).article(SeedArticles.KILL_CLAIMS).orElseThrow();
      Article a = seed.article();
      store.put(new EnrichedArticle(new Article("clipping-1901", a.title(), a.blocks(), Optional.of(LocalDate.of(1901, 9, 5)),
          a.source(), a.url(), a.authors(), a.origin()), seed.enrichment()), "clipping");
      store.commit(archive.lastCommitData().orElseThrow());
    }
    SearchRequest byAdded = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), SortOrder.ADDED, 100, 10);
    List<String> added = OpenSearchEngine.open(archive).search(byAdded).hits().stream()
        .map(hit -> hit.article().article().id()).toList();
    assertEquals("clipping-1901", added.get(0));
    Instant clippingAdded = OpenSearchEngine.open(archive).indexed("clipping-1901").orElseThrow().added().orElseThrow();
    Instant crackdownAdded = OpenSearchEngine.open(archive).indexed(SeedArticles.CRACKDOWN).orElseThrow().added().orElseThrow();
    assertTrue(clippingAdded.isAfter(crackdownAdded), "the second write began after the first");
    SearchRequest readingList = new SearchRequest("", Map.of("collection", List.of("reading-list")), Optional.empty(),
        Optional.empty(), SortOrder.RELEVANCE, 10, 10);
    String old = archive.currentIndex().orElseThrow();
    // What an older Morgue left: the same documents under another mapping version.
    ObjectNode meta = ClusterConnection.object();
    meta.putObject("_meta").put(ArchiveIndex.MAPPING_KEY, "0").put("morgue.complete", "true");
    archive.connection().send("PUT", "/" + old + "/_mapping", meta);

    OpenSearchEngine engine = OpenSearchEngine.open(archive);
    long articles = engine.count(SearchRequest.of(""));
    long venezuela = engine.count(SearchRequest.of("venezuela"));
    AtomicBoolean moving = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (moving.get()) {
        try {
          long seen = engine.count(SearchRequest.of("venezuela"));
          if (seen != venezuela) {
            wrong.add("a search during the move found " + seen + " of " + venezuela);
          }
          searches.incrementAndGet();
        } catch (Exception e) {
          wrong.add("a search during the move failed: " + e.getMessage());
        }
      }
    });
    String moved = archive.prepare();
    moving.set(false);
    reader.join();

    assertNotEquals(old, moved, "a new index was built");
    assertEquals(moved, archive.currentIndex().orElseThrow(), "the alias points to it");
    assertFalse(archive.connection().exists("/" + old), "the old index was dropped");
    assertTrue(searches.get() > 0);
    assertEquals(List.of(), List.copyOf(wrong), searches.get() + " searches ran during the move");
    engine.refresh();
    assertEquals(articles, engine.count(SearchRequest.of("")));
    assertEquals(venezuela, engine.search(SearchRequest.of("venezuela")).total());
    assertEquals(List.of(SeedArticles.CRACKDOWN),
        engine.search(readingList).hits().stream().map(hit -> hit.article().article().id()).toList());
    assertEquals(added, engine.search(byAdded).hits().stream().map(hit -> hit.article().article().id()).toList(),
        "each article keeps the write it was added in");
    assertEquals(Optional.of(clippingAdded), engine.indexed("clipping-1901").flatMap(IndexedArticle::added), "and when that write began");
    assertEquals(Optional.of(crackdownAdded), engine.indexed(SeedArticles.CRACKDOWN).flatMap(IndexedArticle::added));
    assertEquals("true", archive.lastCommitData().orElseThrow().get("morgue.complete"), "the commit's metadata moved too");
    assertEquals(ArchiveIndex.MAPPING_VERSION, archive.lastCommitData().orElseThrow().get(ArchiveIndex.MAPPING_KEY));
  }
}
