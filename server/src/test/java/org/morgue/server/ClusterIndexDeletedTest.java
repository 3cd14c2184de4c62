package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.LiveUpdatesTest.AIRLIFT;
import static org.morgue.server.LiveUpdatesTest.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * The cluster's index deleted under a writing server (the embedded engine's folder moved away, on a
 * cluster): the failed write's rollback reopened the store, which created a new, empty index behind
 * the alias; the next write went there, health said "ok" and every search answered from it. Now the
 * store reopens only the archive that is there: no index is made, and writes and health say an
 * operator must restore it. A server whose store opened on an empty archive shows it: its writes read
 * nothing back from the index before committing, so the first failure comes inside the write.
 */
class ClusterIndexDeletedTest {
  @TempDir Path tmp;

  @Test
  void aDeletedIndexIsNeverMadeAgainAndWritesSayAnOperatorMustRestoreIt() throws Exception {
    Path nothing = Files.createDirectories(tmp.resolve("nothing"));
    try (TestEngine.Archive archive = TestEngine.OPENSEARCH.index(tmp, List.of(nothing));
        LiveIndex live = LiveIndex.open(archive.stores(), LiveUpdatesTest.INDEXER, archive.engine())) {
      Javalin app = MorgueServer.create(archive.engine(), Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"),
          1024 * 1024))).start("127.0.0.1", 0);
      try {
        LiveDesk desk = new LiveDesk(app.port());
        String alias = archive.location();
        HttpResponse<String> posted = desk.post(AIRLIFT, "application/json", TOKEN);
        assertEquals(201, posted.statusCode(), posted.body());
        String concrete = cluster("GET", "/_alias/" + alias, 200).fieldNames().next();
        cluster("DELETE", "/" + concrete, 200);

        // The first write fails on the index gone, the second opening the store again: neither makes one.
        assertLost(desk.post(AIRLIFT.replace("berlin-airlift", "second-airlift"), "application/json", TOKEN),
            "the article in this request was not kept");
        assertLost(desk.post(AIRLIFT.replace("berlin-airlift", "third-airlift"), "application/json", TOKEN),
            "nothing of this request was kept");
        assertEquals(0, cluster("GET", "/_cat/indices/" + alias + "*?format=json", 200).size(), "no index made");
        cluster("GET", "/_alias/" + alias, 404);

        HttpResponse<String> health = desk.get("/api/health");
        assertEquals(503, health.statusCode(), health.body());
        assertTrue(LiveUpdatesTest.JSON.readTree(health.body()).get("detail").asText().contains("an operator must restore it"),
            health.body());
        assertTrue(health.headers().firstValue("Retry-After").isEmpty(), "no retry mends it: " + health.headers().map());
      } finally {
        app.stop();
      }
    }
  }

  private static void assertLost(HttpResponse<String> response, String kept) throws Exception {
    assertEquals(503, response.statusCode(), response.body());
    JsonNode problem = LiveUpdatesTest.JSON.readTree(response.body());
    assertEquals("archive_unavailable", problem.get("code").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.startsWith("the archive could not be written: " + kept + "; the archive's index is gone from the"
        + " OpenSearch cluster at ") && detail.endsWith("an operator must restore it"), detail);
    assertTrue(response.headers().firstValue("Retry-After").isEmpty(), "no retry mends it: " + response.headers().map());
  }

  /** A request to the shared cluster itself, answered with the status given. */
  private static JsonNode cluster(String method, String path, int status) throws Exception {
    HttpResponse<String> answer = LiveDesk.HTTP.send(HttpRequest.newBuilder(URI.create(TestEngine.clusterUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, answer.statusCode(), method + " " + path + ": " + answer.body());
    return LiveUpdatesTest.JSON.readTree(answer.body());
  }
}
