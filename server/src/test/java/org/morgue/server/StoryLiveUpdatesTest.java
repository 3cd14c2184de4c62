package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * Live updates keep stories whole, on each engine, over the wire-copies fixture: a posted copy of an
 * indexed article joins its story, and deleting a story's representative leaves the next earliest
 * version representing it under the same story id.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class StoryLiveUpdatesTest {
  static final String TOKEN = "story-live-token-3b9e";
  /** Big enough for the fixture's longest article. */
  static final int BODY_LIMIT = 256 * 1024;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @Parameter TestEngine engine;
  @TempDir Path tmp;
  TestEngine.Archive archive;
  LiveIndex live;
  Javalin app;

  @BeforeEach
  void start() throws IOException {
    archive = engine.index(tmp, List.of(StoriesApiTest.COPIES), StoriesApiTest.oneThread());
    live = LiveIndex.open(archive.stores(), LiveUpdatesTest.INDEXER, archive.engine());
    app = MorgueServer.create(archive.engine(),
        Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"), BODY_LIMIT))).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws IOException {
    app.stop();
    live.close();
    archive.close();
  }

  /** A fixture article as a posted one: the same title and body under another id, source and date. */
  static String copyOf(String id, String newId, String source, String published) throws IOException {
    for (String line : Files.readAllLines(StoriesApiTest.COPIES.resolve("wire-copies.jsonl"))) {
      JsonNode article = line.isBlank() ? null : JSON.readTree(line);
      if (article != null && article.get("id").asText().equals(id)) {
        ObjectNode copy = JSON.createObjectNode();
        copy.put("id", newId).put("title", article.get("title").asText()).put("body", article.get("body").asText())
            .put("source", source).put("published", published);
        return JSON.writeValueAsString(copy);
      }
    }
    throw new IllegalArgumentException("no article " + id + " in the fixture");
  }

  @Test
  void aPostedCopyOfAnIndexedArticleJoinsItsStory() throws Exception {
    String before = send(request("/api/articles/reuters-2").GET()).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> posted = send(request("/api/articles").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(copyOf("reuters-2", "reuters-2-courier", "The Courier", "1987-02-27"))));
    assertEquals(201, posted.statusCode(), posted.body());

    JsonNode story = getJson("/api/articles/reuters-2-courier").get("story");
    assertEquals("reuters-2", story.get("id").asText(), "the copy joins the story of the earlier article");
    assertEquals(List.of("reuters-2", "reuters-2-courier"), versions(story));
    assertEquals(2, getJson("/api/articles/reuters-2").get("story").get("versionCount").asInt(),
        "the original's story lists the copy too");
    // The original did not change, its view did: a copy cached before the post is not answered 304.
    HttpResponse<String> revalidated = send(request("/api/articles/reuters-2").header("If-None-Match", before).GET());
    assertEquals(200, revalidated.statusCode(), "the view lists a new version: " + before);
    String after = revalidated.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, send(request("/api/articles/reuters-2").header("If-None-Match", after).GET()).statusCode());


    String query = "q=" + RunningServer.enc("\"Ohio Mattress\"");
    JsonNode grouped = getJson("/api/search?" + query);
    assertEquals(2, grouped.get("total").asInt());
    assertEquals(1, grouped.get("stories").asInt());
    assertEquals(1, grouped.get("hits").size(), grouped.toString());
    assertEquals(2, grouped.get("hits").get(0).get("story").get("versionCount").asInt());
    assertEquals(2, getJson("/api/search?group=articles&" + query).get("hits").size());
    assertEquals(204, send(request("/api/articles/reuters-2-courier").header("If-Match",
        send(request("/api/articles/reuters-2-courier").GET()).headers().firstValue("ETag").orElseThrow()).DELETE())
        .statusCode(), "a write may name the view's tag, story part and all");
  }

  @Test
  void deletingARepresentativeLeavesTheNextEarliestVersionRepresentingTheSameStory() throws Exception {
    String storyId = getJson("/api/articles/crackdown-corrected").get("story").get("id").asText();
    assertEquals("crackdown-original", storyId, "on one thread the original is received first");
    assertEquals(204, send(request("/api/articles/crackdown-original").DELETE()).statusCode());

    JsonNode story = getJson("/api/articles/crackdown-corrected").get("story");
    assertEquals(storyId, story.get("id").asText(), "a story keeps its id when its first version goes");
    assertEquals(List.of("crackdown-courier", "crackdown-corrected"), versions(story));
    assertTrue(story.get("versions").get(0).get("representative").asBoolean());

    JsonNode grouped = getJson("/api/search?size=100&sort=oldest");
    assertEquals(7, grouped.get("total").asInt());
    assertEquals(4, grouped.get("stories").asInt());
    List<String> storyIds = new ArrayList<>();
    for (JsonNode hit : grouped.get("hits")) {
      storyIds.add(hit.get("story").get("id").asText());
      if (hit.get("story").get("id").asText().equals("crackdown-original")) {
        assertEquals("crackdown-courier", hit.get("id").asText(), "oldest first, the story's hit is its new representative");
        assertEquals(2, hit.get("story").get("versionCount").asInt());
      }
    }
    assertEquals(4, storyIds.size(), storyIds.toString());
    assertEquals(new HashSet<>(StoriesApiTest.STORIES.keySet()), new HashSet<>(storyIds));
  }

  private static List<String> versions(JsonNode story) {
    List<String> ids = new ArrayList<>();
    story.get("versions").forEach(version -> ids.add(version.get("id").asText()));
    return ids;
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request(path).GET());
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Authorization", "Bearer " + TOKEN);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
