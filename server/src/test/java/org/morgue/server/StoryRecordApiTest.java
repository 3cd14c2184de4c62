package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.curation.Curation;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A curator picks another version as a story's record ({@code /api/stories/{id}/record}) over real HTTP
 * on each engine, on the wire-copies fixture indexed on one thread (so story ids are the originals'):
 * the story, the article view and search hits list the pick first with {@code record: curator}; a
 * restart keeps it; the changes record names the curator; an article of another story is refused;
 * withdrawing it makes the earliest version the record again.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryRecordApiTest {
  static final String ANA = "ana-story-token-5b21";
  static final String STORY = "crackdown-original";
  static final String PICK = "crackdown-corrected";
  static final String RECORD = "/api/stories/" + STORY + "/record";

  static Path tmp;
  static TestEngine.Archive archive;
  static SearchEngine searcher;
  static Curation curation;
  static LiveIndex live;
  static Curators curators;
  static Javalin app;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    tmp = Files.createTempDirectory("morgue-story-record");
    Path tokens = tmp.resolve("curators.txt");
    Files.writeString(tokens, "ana sha256:" + CurationApiTest.sha256(ANA) + "\n");
    curators = Curators.read(tokens, Optional.empty());
    curation = Curation.open(tmp.resolve("curation"));
    archive = engine.index(tmp, List.of(StoriesApiTest.COPIES), CurationApiTest.indexer(curation));
    searcher = archive.engine();
    open();
  }

  static void open() throws IOException {
    live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), searcher, curation, Map.of());
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, curators)), HttpOptions.defaults(),
        Optional.of(curation)).start("127.0.0.1", 0);
  }

  static void close() throws IOException {
    app.stop();
    live.close();
    curation.close();
    if (searcher != archive.engine()) {
      searcher.close();
    }
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    close();
    archive.close();
  }

  @Test
  @Order(1)
  void aStoryIsReadByItsIdWithItsEarliestVersionAsTheRecord() throws Exception {
    JsonNode story = getJson("/api/stories/" + STORY);

    assertEquals(STORY, story.get("id").asText());
    assertEquals("earliest", story.get("record").asText());
    assertEquals(StoriesApiTest.STORIES.get(STORY), versionIds(story));
    assertTrue(story.get("versions").get(0).get("representative").asBoolean());
    assertEquals(404, get("/api/stories/no-such-story").statusCode());
  }

  @Test
  @Order(2)
  void aCuratorPicksAVersionAndTheStoryListsItFirstEverywhere() throws Exception {
    String articleTag = get("/api/articles/crackdown-courier").headers().firstValue("ETag").orElseThrow();
    String searchTag = get("/api/search?size=100&sort=oldest").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> picked = send("PUT", RECORD,
        "{\"articleId\": \"" + PICK + "\", \"reason\": \"the corrected text is the one to cite\"}", ANA);
    assertEquals(201, picked.statusCode(), picked.body());
    assertEquals("\"v1\"", picked.headers().firstValue("ETag").orElseThrow());

    List<String> expected = List.of(PICK, "crackdown-original", "crackdown-courier");
    JsonNode story = getJson("/api/stories/" + STORY);
    assertEquals("curator", story.get("record").asText());
    assertEquals(expected, versionIds(story));
    assertTrue(story.get("versions").get(0).get("representative").asBoolean());
    assertEquals(1, representatives(story));

    // Copies cached before the pick are stale: no 304 for them, though no article changed.
    assertEquals(200, send("GET", "/api/articles/crackdown-courier", null, null, "If-None-Match", articleTag).statusCode());
    String pickedTag = get("/api/articles/crackdown-courier").headers().firstValue("ETag").orElseThrow();
    assertEquals(304, send("GET", "/api/articles/crackdown-courier", null, null, "If-None-Match", pickedTag).statusCode());
    assertEquals(200, send("GET", "/api/search?size=100&sort=oldest", null, null, "If-None-Match", searchTag).statusCode());
    JsonNode article = getJson("/api/articles/crackdown-courier").get("story");
    assertEquals("curator", article.get("record").asText());
    assertEquals(expected, versionIds(article));

    JsonNode hits = getJson("/api/search?size=100&sort=oldest").get("hits");
    JsonNode hitStory = null;
    for (JsonNode hit : hits) {
      if (hit.get("story").get("id").asText().equals(STORY)) {
        hitStory = hit.get("story");
      } else {
        assertEquals("earliest", hit.get("story").get("record").asText(), "other stories keep theirs");
      }
    }
    assertEquals("curator", hitStory.get("record").asText());
    assertEquals(expected, versionIds(hitStory));

    JsonNode change = getJson("/api/changes").get("changes").get(0);
    assertEquals("story.record", change.get("action").asText());
    assertEquals("story:" + STORY, change.get("target").asText());
    assertEquals("ana", change.get("curator").asText());
    assertEquals(PICK, change.get("after").get("articleId").asText());
    assertEquals("the corrected text is the one to cite", change.get("reason").asText());
  }

  @Test
  @Order(3)
  void aVersionOfAnotherStoryOrNoArticleIsRefusedAndAStaleIfMatchToo() throws Exception {
    CurationApiTest.assertProblem(send("PUT", RECORD, "{\"articleId\": \"kill-claims-gazette\"}", ANA),
        409, "curation_conflict");
    CurationApiTest.assertProblem(send("PUT", RECORD, "{\"articleId\": \"no-such-article\"}", ANA),
        400, "unknown_article");
    CurationApiTest.assertProblem(send("PUT", RECORD, "{}", ANA), 400, "invalid_body");
    CurationApiTest.assertProblem(send("PUT", RECORD,
        "{\"articleId\": \"crackdown-courier\"}", ANA, "If-Match", "\"v7\""), 412, "precondition_failed");
    assertEquals(401, send("PUT", RECORD, "{\"articleId\": \"crackdown-courier\"}", null).statusCode());
    assertEquals(PICK, getJson(RECORD).get("articleId").asText(), "nothing refused was kept");
  }

  @Test
  @Order(4)
  void aRestartKeepsThePick() throws Exception {
    close();
    curation = Curation.open(tmp.resolve("curation"));
    searcher = archive.searchers().open();
    open();

    JsonNode story = getJson("/api/stories/" + STORY);
    assertEquals("curator", story.get("record").asText());
    assertEquals(PICK, versionIds(story).get(0));
  }

  @Test
  @Order(5)
  void withdrawingThePickMakesTheEarliestVersionTheRecordAgainAndTheCorrectionsFileBringsItBack() throws Exception {
    String exported = get("/api/corrections").body();
    JsonNode kept = CurationApiTest.JSON.readTree(exported).get("stories");
    assertEquals(1, kept.size(), exported);
    assertEquals(PICK, kept.get(0).get("articleId").asText());
    HttpResponse<String> withdrawn = send("DELETE", RECORD + "?reason=back", null, ANA,
        "If-Match", "\"v1\"");
    assertEquals(204, withdrawn.statusCode(), withdrawn.body());

    JsonNode story = getJson("/api/articles/" + PICK).get("story");
    assertEquals("earliest", story.get("record").asText());
    assertEquals(StoriesApiTest.STORIES.get(STORY), versionIds(story));
    assertEquals(404, get(RECORD).statusCode());
    CurationApiTest.assertProblem(send("DELETE", RECORD, null, ANA), 404, "not_found");

    // Every correction withdrawn, the file goes back with no version to name.
    assertEquals(200, send("PUT", "/api/corrections?reason=restored", exported, ANA).statusCode());
    JsonNode restored = getJson("/api/stories/" + STORY);
    assertEquals("curator", restored.get("record").asText());
    assertEquals(PICK, versionIds(restored).get(0));
  }

  @Test
  @Order(6)
  void aPickedVersionThatIsDeletedLeavesTheEarliestAsTheRecord() throws Exception {
    // The restored pick is replaced: the write names the version it read, as a replacing write must.
    CurationApiTest.assertProblem(send("PUT", RECORD, "{\"articleId\": \"crackdown-courier\"}", ANA), 428,
        "precondition_required");
    String pick = get(RECORD).headers().firstValue("ETag").orElseThrow();
    assertEquals(200, send("PUT", RECORD, "{\"articleId\": \"crackdown-courier\"}", ANA, "If-Match", pick).statusCode());
    String tag = get("/api/articles/crackdown-courier").headers().firstValue("ETag").orElseThrow();
    assertTrue(tag.contains("-r"), "the article view's tag names the pick: " + tag);
    assertEquals(204, send("DELETE", "/api/articles/crackdown-courier", null, ANA, "If-Match", tag).statusCode(),
        "a write may name the article view's tag");

    JsonNode story = getJson("/api/stories/" + STORY);
    assertEquals("earliest", story.get("record").asText());
    assertEquals(List.of("crackdown-original", PICK), versionIds(story));
  }

  static List<String> versionIds(JsonNode story) {
    List<String> ids = new ArrayList<>();
    story.get("versions").forEach(version -> ids.add(version.get("id").asText()));
    return ids;
  }

  static int representatives(JsonNode story) {
    int count = 0;
    for (JsonNode version : story.get("versions")) {
      count += version.get("representative").asBoolean() ? 1 : 0;
    }
    return count;
  }

  static HttpResponse<String> send(String method, String path, String body, String token, String... headers)
      throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), method, path, body, token, headers);
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  static JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return CurationApiTest.JSON.readTree(response.body());
  }
}
