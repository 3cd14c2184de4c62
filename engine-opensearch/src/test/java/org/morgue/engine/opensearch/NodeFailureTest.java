package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cluster.ClusterProcess;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * A node of a real three-node cluster stops while Morgue is serving from it: with a replica of every
 * shard, searches keep answering with the same totals, and indexing goes on. The node stopped is
 * node 0, the first address the client was given, so the client has to move to another node.
 */
class NodeFailureTest {
  @TempDir Path tmp;

  @Test
  void searchesKeepAnsweringAndIndexingResumesWhileANodeIsDown() throws Exception {
    try (ClusterProcess cluster = ClusterProcess.start(3)) {
      ClusterConnection connection = ClusterConnection.open(cluster.urls());
      ArchiveIndex archive = new ArchiveIndex(connection, "failover", new ArchiveIndex.IndexSettings(3, 1));
      TestCluster.index(archive, TestCluster.SMALL_CORPUS);
      java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
          java.time.Instant.parse("2026-01-05T09:00:00Z"));
      OpenSearchEngine engine = OpenSearchEngine.open(archive, now::get);
      // An archive kept without replicas: the shard on the node that stops has no other copy.
      ArchiveIndex single = new ArchiveIndex(connection, "no-copies", new ArchiveIndex.IndexSettings(3, 0));
      TestCluster.index(single, TestCluster.SMALL_CORPUS);
      OpenSearchEngine uncopied = OpenSearchEngine.open(single);
      long jury = uncopied.search(SearchRequest.of("jury")).total();
      List<String> queries = List.of("", "venezuela", "jury", "\"city council\"");
      long[] before = totals(engine, queries);
      assertEquals(new ArchiveHealth((int) before[0], Optional.empty()), engine.health(), "three nodes, every copy placed");

      cluster.stopNode(0);
      engine.refresh();
      assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(totals(engine, queries)),
          "every shard has a copy on the two nodes left");
      ArchiveUnavailableException refused = assertThrows(ArchiveUnavailableException.class,
          () -> uncopied.search(SearchRequest.of("jury")), "part of the matches are on the stopped node");
      assertTrue(refused.getMessage().contains("shards did not answer") || refused.getMessage().contains("cannot answer"),
          refused.getMessage());
      // Health follows what searches get (an operator's trial saw "ok" while every search failed):
      // the archive whose searches are refused is unavailable, the one with copies left is degraded.
      ArchiveUnavailableException unhealthy = assertThrows(ArchiveUnavailableException.class, uncopied::health);
      assertTrue(unhealthy.getMessage().contains("shards did not answer"), unhealthy.getMessage());
      // The green reading above answers health for a few seconds; past them the node lost shows.
      now.set(now.get().plus(OpenSearchEngine.CLUSTER_HEALTH_KEPT));
      ArchiveHealth degraded = engine.health();
      assertEquals(before[0], degraded.articles());
      String reason = degraded.degraded().orElseThrow();
      assertTrue(reason.startsWith("the OpenSearch cluster is yellow with 2 nodes running: ")
          && reason.contains(" of the archive ha"), reason);

      Path more = Files.createDirectories(tmp.resolve("more"));
      Files.writeString(more.resolve("written-while-a-node-was-down.txt"),
          "Written while a node was down\n\nThe archive kept taking articles about the harbour pilots' strike.\n");
      try (OpenSearchStore store = OpenSearchStore.open(archive)) {
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(more), store, Map.of());
      }
      engine.refresh();
      assertEquals(1, engine.count(SearchRequest.of("harbour pilots")), "indexing went on with a node down");
      assertEquals(before[0] + 1, engine.count(SearchRequest.of("")));

      cluster.startNode(0);
      engine.refresh();
      assertEquals(before[0] + 1, engine.search(new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(),
          SortOrder.NEWEST, 5, 5)).total(), "the node is back and nothing was lost");
      assertTrue(engine.article("written-while-a-node-was-down").isPresent());
      assertEquals(jury, uncopied.search(SearchRequest.of("jury")).total(),
          "the shard without a replica is back with its node");
      connection.close();
    }
  }

  private static long[] totals(OpenSearchEngine engine, List<String> queries) throws Exception {
    long[] totals = new long[queries.size()];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = engine.search(SearchRequest.of(queries.get(i))).total();
    }
    return totals;
  }
}
