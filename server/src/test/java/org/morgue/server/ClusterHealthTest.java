package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import org.morgue.engine.opensearch.OpenSearchEngine;

/**
 * {@code /api/health} over a cluster that answers searches but is at risk says so in its 200, for
 * monitoring: an operator's trial saw "ok" with a node of three down. The shared test cluster has one
 * node, so asking the archive's index for a replica leaves that copy without a node: yellow, as a
 * node down leaves a bigger cluster. The cluster's health is read again only after a few seconds
 * ({@link OpenSearchEngine#CLUSTER_HEALTH_KEPT}), told here by a clock the test moves.
 */
class ClusterHealthTest {
  @TempDir Path tmp;

  private static void replicas(String alias, String settings) throws Exception {
    HttpResponse<String> answer = LiveDesk.HTTP.send(HttpRequest.newBuilder(URI.create(TestEngine.clusterUrl() + "/" + alias + "/_settings"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(settings)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void aYellowClusterIsDegradedWithItsReasonWhileSearchesAnswer() throws Exception {
    try (TestEngine.Archive archive = TestEngine.OPENSEARCH.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
        ClusterConnection connection = ClusterConnection.open(TestEngine.clusterUrl())) {
      AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
      OpenSearchEngine engine = OpenSearchEngine.open(new ArchiveIndex(connection, archive.location(),
          ArchiveIndex.IndexSettings.DEFAULT), now::get);
      Javalin app = MorgueServer.create(engine).start("127.0.0.1", 0);
      try {
        LiveDesk desk = new LiveDesk(app.port());
        JsonNode ok = LiveUpdatesTest.JSON.readTree(desk.get("/api/health").body());
        assertEquals("ok", ok.get("status").asText());
        assertFalse(ok.has("reason"), ok.toString());
        int articles = ok.get("articles").asInt();

        replicas(archive.location(), "{\"index.auto_expand_replicas\": false, \"index.number_of_replicas\": 1}");
        // A load balancer polling every second is answered from the cluster's health read a moment ago.
        assertEquals("ok", LiveUpdatesTest.JSON.readTree(desk.get("/api/health").body()).get("status").asText());
        now.set(now.get().plus(OpenSearchEngine.CLUSTER_HEALTH_KEPT));
        HttpResponse<String> health = desk.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode degraded = LiveUpdatesTest.JSON.readTree(health.body());
        assertEquals("degraded", degraded.get("status").asText());
        assertTrue(degraded.get("reason").asText().startsWith("the OpenSearch cluster is yellow with 1 node running: 3 shard"
            + " copies of the archive have no node"), degraded.get("reason").asText());
        assertEquals(articles, degraded.get("articles").asInt());
        assertEquals(200, desk.get("/api/search?q=venezuela").statusCode(), "searches answer meanwhile");
      } finally {
        replicas(archive.location(), "{\"index.number_of_replicas\": 0}");
        app.stop();
        engine.close();
      }
    }
  }
}
