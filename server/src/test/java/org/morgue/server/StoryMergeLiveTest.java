package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A wire editor's trial, posted to a running server on each engine: the add of a story (paragraphs
 * 3-7) and its first take (paragraphs 1-2) share no text and start a story each; the full story,
 * posted last, is a copy of both and merges them. The story received first keeps its id, and a link
 * to the absorbed story's id leads to the merged story.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class StoryMergeLiveTest {
  @Parameter TestEngine engine;
  @TempDir Path tmp;
  TestEngine.Archive archive;
  LiveIndex live;
  Javalin app;

  @BeforeEach
  void start() throws IOException {
    // Another story of the fixture, so the archive is not empty and the merge leaves it alone.
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.write(other.resolve("reuters-2.jsonl"), Files.readAllLines(StoriesApiTest.COPIES.resolve("wire-copies.jsonl"))
        .stream().filter(line -> line.contains("\"reuters-2\"")).toList());
    archive = engine.index(tmp, List.of(other), StoriesApiTest.oneThread());
    live = LiveIndex.open(archive.stores(), LiveUpdatesTest.INDEXER, archive.engine());
    app = MorgueServer.create(archive.engine(), Optional.of(new LiveUpdates(live,
        BearerToken.of(StoryLiveUpdatesTest.TOKEN, "the test"), StoryLiveUpdatesTest.BODY_LIMIT))).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws IOException {
    app.stop();
    live.close();
    archive.close();
  }

  @Test
  void theFullStoryMergesItsTakeAndItsAddAndTheAbsorbedStoryLeadsToIt() throws Exception {
    post(part("crackdown-add", 2, 7));
    post(part("crackdown-take", 0, 2));
    assertEquals("crackdown-add", getJson("/api/articles/crackdown-add").get("story").get("id").asText());
    assertEquals("crackdown-take", getJson("/api/articles/crackdown-take").get("story").get("id").asText(),
        "the take shares no text with the add: a story of its own until the full story comes");

    post(part("crackdown-full", 0, 7));
    for (String id : List.of("crackdown-take", "crackdown-add", "crackdown-full")) {
      JsonNode story = getJson("/api/articles/" + id).get("story");
      assertEquals("crackdown-add", story.get("id").asText(), id + ": the add was received first");
      assertEquals(List.of("crackdown-add", "crackdown-full", "crackdown-take"), versions(story), id);
    }
    JsonNode merged = getJson("/api/stories/crackdown-add");
    assertEquals(3, merged.get("versionCount").asInt());

    HttpResponse<String> absorbed = send(request("/api/stories/crackdown-take").GET());
    assertEquals(308, absorbed.statusCode(), absorbed.body());
    assertEquals("/api/stories/crackdown-add", absorbed.headers().firstValue("Location").orElseThrow());
    assertEquals(404, send(request("/api/stories/crackdown-nothing").GET()).statusCode());

    // Counted once on both engines: 3 versions of one story, beside reuters-2.
    JsonNode grouped = getJson("/api/search?size=1");
    assertEquals(4, grouped.get("total").asInt());
    assertEquals(2, grouped.get("stories").asInt());
    List<String> shown = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = getJson("/api/search?size=1&sort=oldest" + (cursor == null ? "" : "&cursor=" + RunningServer.enc(cursor)));
      page.get("hits").forEach(hit -> shown.add(hit.get("story").get("id").asText()));
      cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertEquals(List.of("reuters-2", "crackdown-add"), shown, "paging shows each story once");
  }

  @Test
  void linksToStoriesAndArticlesWhoseIdsHoldASpaceAndAPlusLeadToThem() throws Exception {
    // Ids come from the sources: an import may carry "AP+1 add", which a form decoder reads as "AP 1 add".
    HttpResponse<String> created = send(request("/api/articles").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(part("AP+1 add", 2, 7))));
    assertEquals(201, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertEquals("/api/articles/AP%2B1%20add", location);
    assertEquals("AP+1 add", getJson(location).get("id").asText());
    post(part("AP+1 take", 0, 2));
    post(part("AP+1 full", 0, 7));

    HttpResponse<String> absorbed = send(request("/api/stories/AP%2B1%20take").GET());
    assertEquals(308, absorbed.statusCode(), absorbed.body());
    String merged = absorbed.headers().firstValue("Location").orElseThrow();
    assertEquals("/api/stories/AP%2B1%20add", merged);
    JsonNode story = getJson(merged);
    assertEquals("AP+1 add", story.get("id").asText());
    assertEquals(List.of("AP+1 add", "AP+1 full", "AP+1 take"), versions(story));
  }

  /** Paragraphs {@code from} to {@code to} (exclusive) of the fixture's crackdown story, as a posted article. */
  private static String part(String id, int from, int to) throws IOException {
    for (String line : Files.readAllLines(StoriesApiTest.COPIES.resolve("wire-copies.jsonl"))) {
      JsonNode article = line.isBlank() ? null : StoryLiveUpdatesTest.JSON.readTree(line);
      if (article != null && article.get("id").asText().equals("crackdown-original")) {
        List<String> paragraphs = List.of(article.get("body").asText().split("\n\n")).subList(from, to);
        ObjectNode posted = StoryLiveUpdatesTest.JSON.createObjectNode();
        posted.put("id", id).put("title", article.get("title").asText())
            .put("body", String.join("\n\n", paragraphs)).put("source", "Morgue Wire").put("published", "2025-03-14");
        return StoryLiveUpdatesTest.JSON.writeValueAsString(posted);
      }
    }
    throw new IllegalStateException("no crackdown-original in the fixture");
  }

  private void post(String article) throws IOException, InterruptedException {
    HttpResponse<String> posted = send(request("/api/articles").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(article)));
    assertEquals(201, posted.statusCode(), posted.body());
  }

  private static List<String> versions(JsonNode story) {
    List<String> ids = new ArrayList<>();
    story.get("versions").forEach(version -> ids.add(version.get("id").asText()));
    return ids.stream().sorted().toList();
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request(path).GET());
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return StoryLiveUpdatesTest.JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Authorization", "Bearer " + StoryLiveUpdatesTest.TOKEN);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return StoryLiveUpdatesTest.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
