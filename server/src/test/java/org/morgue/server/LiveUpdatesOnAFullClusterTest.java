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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * Live updates to an archive in a cluster whose disks are full answer as on a full local disk: 507
 * {@code archive_full}, nothing kept, and the same request succeeds once there is room. OpenSearch
 * puts the read-only-allow-delete block on an index past the flood-stage watermark; the test sets it.
 */
class LiveUpdatesOnAFullClusterTest {
  @TempDir Path tmp;

  private static void block(String alias, boolean on) throws Exception {
    HttpResponse<String> answer = LiveDesk.HTTP.send(HttpRequest.newBuilder(URI.create(TestEngine.clusterUrl() + "/" + alias + "/_settings"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"index.blocks.read_only_allow_delete\": " + (on ? "true" : "null") + "}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @Test
  void aWriteToAClusterOutOfDiskIs507KeepsNothingAndSucceedsOnceThereIsRoom() throws Exception {
    try (TestEngine.Archive archive = TestEngine.OPENSEARCH.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
        LiveIndex live = LiveIndex.open(archive.stores(), LiveUpdatesTest.INDEXER, archive.engine())) {
      Javalin app = MorgueServer.create(archive.engine(), Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"),
          1024 * 1024))).start("127.0.0.1", 0);
      try {
        LiveDesk desk = new LiveDesk(app.port());
        block(archive.location(), true);
        try {
          assertFull(desk.post(AIRLIFT, "application/json", TOKEN), "the article in this request was not kept");
          assertFull(desk.delete(SeedIndex.KILL_CLAIMS, TOKEN), "article '" + SeedIndex.KILL_CLAIMS + "' was not deleted");
          assertEquals(404, desk.get("/api/articles/berlin-airlift").statusCode());
          assertEquals(200, desk.get("/api/articles/" + SeedIndex.KILL_CLAIMS).statusCode());
        } finally {
          block(archive.location(), false);
        }
        HttpResponse<String> again = desk.post(AIRLIFT, "application/json", TOKEN);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(200, desk.get("/api/articles/berlin-airlift").statusCode());
      } finally {
        app.stop();
      }
    }
  }

  private static void assertFull(HttpResponse<String> response, String kept) throws Exception {
    assertEquals(507, response.statusCode(), response.body());
    LiveUpdatesTest.assertProblem(response, 507);
    JsonNode problem = LiveUpdatesTest.JSON.readTree(response.body());
    assertEquals("archive_full", problem.get("code").asText());
    assertTrue(problem.get("detail").asText().startsWith("The archive's disk is full: " + kept + ", and the archive holds"
        + " what it held before."), problem.get("detail").asText());
  }
}
