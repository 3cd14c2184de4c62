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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.server.problem.Problem;

/**
 * A health check is how a load balancer or a supervisor learns that a server cannot answer: when the
 * index behind a running server can no longer be read, {@code /api/health} and {@code /api/stats}
 * answer 503 with Retry-After (try again, or elsewhere), not the 500 of a bug, on either engine.
 */
class UnreadableIndexTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(TestEngine.class)
  void healthAndStatsAre503WhenTheIndexCannotBeRead(TestEngine engine) throws Exception {
    TestEngine.Archive archive = engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    try (RunningServer server = RunningServer.on(archive)) {
      JsonNode health = server.getJson("/api/health", 200);
      assertEquals("ok", health.get("status").asText());
      assertFalse(health.get("writable").asBoolean(), "a server without live updates takes no changes: " + health);

      breakIndex(engine, archive.location());

      for (String path : List.of("/api/health", "/api/stats")) {
        HttpResponse<String> answer = server.get(path);
        assertEquals(503, answer.statusCode(), path + " -> " + answer.body());
        assertEquals(Problem.MEDIA_TYPE, mediaType(answer), path);
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), path + " says when to try again");
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("archive_unavailable", problem.get("code").asText(), answer.body());
        assertFalse(answer.body().contains("Exception"), "no internals: " + answer.body());
      }
    }
  }

  /**
   * The embedded index's folder replaced by a file (what a mistaken restore or a removed mount leaves;
   * an unreadable folder is the same error, but tests run as root, who reads everything); the
   * cluster's index deleted under its alias.
   */
  private static void breakIndex(TestEngine engine, String location) throws Exception {
    if (engine == TestEngine.LUCENE) {
      Path folder = Path.of(location);
      IndexCopies.deleteQuietly(folder);
      Files.writeString(folder, "not an index");
      return;
    }
    HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(TestEngine.clusterUrl() + "/" + location + "-v*")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, deleted.statusCode(), deleted.body());
  }
}
