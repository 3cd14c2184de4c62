package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.mediaType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.cluster.ClusterProxy;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import org.morgue.engine.opensearch.OpenSearchEngine;
import org.morgue.server.problem.Problem;

/**
 * A health check is how a load balancer or a supervisor learns that a server cannot answer: when the
 * archive behind a running server can no longer be searched, {@code /api/health} and {@code /api/stats}
 * answer 503 with Retry-After (try again, or elsewhere), not the 500 of a bug; a cluster's index deleted
 * without it, since no server makes it again and only an operator can restore it. An embedded index whose
 * folder is gone still answers searches from the readers open: health and stats answer 200 as
 * searches do, and health says the archive is degraded and why, for an operator to act.
 */
class UnreadableIndexTest {
  @TempDir Path tmp;

  @Test
  void healthAndStatsAre503WhenTheClustersIndexIsGone() throws Exception {
    TestEngine.Archive archive = TestEngine.OPENSEARCH.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    try (RunningServer server = RunningServer.on(archive)) {
      JsonNode health = server.getJson("/api/health", 200);
      assertEquals("ok", health.get("status").asText());
      assertFalse(health.get("writable").asBoolean(), "a server without live updates takes no changes: " + health);

      HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(TestEngine.clusterUrl() + "/" + archive.location() + "-v*")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, deleted.statusCode(), deleted.body());

      for (String path : List.of("/api/search?q=venezuela", "/api/health", "/api/stats")) {
        HttpResponse<String> answer = server.get(path);
        assertEquals(503, answer.statusCode(), path + " -> " + answer.body());
        assertEquals(Problem.MEDIA_TYPE, mediaType(answer), path);
        // Nothing makes the index again (a reopened store did, empty): only an operator mends it.
        assertTrue(answer.headers().firstValue("Retry-After").isEmpty(), path + " says no retry mends it");
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("archive_unavailable", problem.get("code").asText(), answer.body());
        // The cause, in words: a developer behind a load balancer sees why without the server's log.
        assertEquals("the archive's index is gone from the OpenSearch cluster at " + TestEngine.clusterUrl()
            + ": an operator must restore it", problem.get("detail").asText());
        assertFalse(answer.body().contains("Exception"), "no internals: " + answer.body());
      }
    }
  }

  /** What a mistaken restore or a removed mount does to the embedded index's folder under a running server. */
  enum FolderLost {
    /** {@code mv index index.old; touch index} (an unreadable folder is the same error, but tests run as root). */
    REPLACED_BY_A_FILE("the index folder is no longer a folder"),
    /** {@code mv index index.old}. */
    MOVED_AWAY("the index folder is gone");

    final String words;

    FolderLost(String words) {
      this.words = words;
    }
  }

  /**
   * Searches still answer from what the server opened, so a load balancer must keep it: health and
   * stats answer 200 as searches do (they answered 503 while searches answered 200), and health says
   * the archive is degraded, that no change can be kept and an operator must act, never the server's
   * paths (they are in its log) nor to try again.
   */
  @ParameterizedTest
  @EnumSource(FolderLost.class)
  void anIndexFolderLostUnderTheServerIsDegradedWhileSearchesAnswer(FolderLost lost) throws Exception {
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    try (RunningServer server = RunningServer.on(archive)) {
      int articles = server.getJson("/api/health", 200).get("articles").asInt();
      long found = server.getJson("/api/search?q=venezuela", 200).get("total").asLong();
      assertTrue(found > 0, "the seed articles name Venezuela");

      Path folder = Path.of(archive.location());
      if (lost == FolderLost.REPLACED_BY_A_FILE) {
        IndexCopies.deleteQuietly(folder);
        Files.writeString(folder, "not an index");
      } else {
        Files.move(folder, tmp.resolve("index.old"));
      }

      assertEquals(found, server.getJson("/api/search?q=venezuela", 200).get("total").asLong());
      HttpResponse<String> answer = server.get("/api/health");
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode health = JSON.readTree(answer.body());
      assertEquals("degraded", health.get("status").asText(), answer.body());
      assertEquals(lost.words + ": searches answer from what the server opened before, but no change can be kept and"
          + " the next start will not find the archive; an operator must restore the index folder (the server's log"
          + " names it)", health.get("reason").asText());
      assertEquals(articles, health.get("articles").asInt());
      assertFalse(answer.body().contains(tmp.toString()), "no path of the server's: " + answer.body());
      JsonNode stats = server.getJson("/api/stats", 200);
      assertEquals(articles, stats.get("articles").asInt());
      assertEquals(0, stats.get("indexSizeBytes").asLong(), "nothing of the index on disk: " + stats);
    }
  }

  /**
   * Every node of the cluster stops answering under a running server (here the one address it was
   * given, a proxy in front of the shared test cluster, closes): searches and health answer 503 naming
   * the cluster and why, without the credentials written in its address or the transport's own words.
   */
  @Test
  void aClusterThatStopsAnsweringIsNamedInThe503() throws Exception {
    ClusterProxy proxy = ClusterProxy.start(TestEngine.clusterUrl());
    try (TestEngine.Archive archive = TestEngine.OPENSEARCH.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
        ClusterConnection connection = ClusterConnection.open(proxy.url().replace("http://", "http://reader:s3cret@"))) {
      OpenSearchEngine engine = OpenSearchEngine.open(new ArchiveIndex(connection, archive.location(),
          ArchiveIndex.IndexSettings.DEFAULT));
      try (RunningServer server = RunningServer.on(new TestEngine.Archive(engine, null, null, () -> { }, archive.location()))) {
        server.getJson("/api/search?q=council", 200);

        proxy.close();

        for (String path : List.of("/api/search?q=council", "/api/health", "/api/health")) {
          HttpResponse<String> answer = server.get(path);
          assertEquals(503, answer.statusCode(), path + " -> " + answer.body());
          assertTrue(answer.headers().firstValue("Retry-After").isPresent(), path + " says when to try again");
          String detail = JSON.readTree(answer.body()).get("detail").asText();
          // The connection the client kept open breaks first; a new one is refused.
          assertTrue(detail.equals("the OpenSearch cluster at " + proxy.url() + " does not answer (connection refused); try again shortly")
              || detail.equals("the OpenSearch cluster at " + proxy.url() + " does not answer (the connection broke); try again shortly"),
              path + " -> " + detail);
          assertFalse(answer.body().contains("s3cret"), answer.body());
        }
        assertTrue(JSON.readTree(server.get("/api/health").body()).get("detail").asText().contains("(connection refused)"));
      }
    } finally {
      proxy.close();
    }
  }
}
