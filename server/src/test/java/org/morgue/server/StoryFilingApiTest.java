package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A curator files articles in stories and apart ({@code /api/articles/{id}/story}) over real HTTP on
 * each engine, on the wire-copies fixture: a digest that reprints two Reuters briefs word for word
 * merges their stories, and filed apart it splits them again; a copy filed apart leaves its story,
 * which keeps its id; an article of another story filed in the crackdown story joins it; a rebuild of
 * the same folders with the same curation files every one of them the same; a copy filed back, and a
 * filing withdrawn, go where detection puts them.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryFilingApiTest {
  static final String ANA = "ana-filing-token-7c40";

  static Path tmp;
  static Path digests;
  static TestEngine.Archive archive;
  static SearchEngine searcher;
  static Curation curation;
  static LiveIndex live;
  static Javalin app;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    tmp = Files.createTempDirectory("morgue-story-filing");
    Path tokens = tmp.resolve("curators.txt");
    Files.writeString(tokens, "ana sha256:" + CurationApiTest.sha256(ANA) + "\n");
    Curators curators = Curators.read(tokens, Optional.empty());
    curation = Curation.open(tmp.resolve("curation"));
    archive = engine.index(tmp, List.of(StoriesApiTest.COPIES), CurationApiTest.indexer(curation));
    searcher = archive.engine();
    live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), searcher, curation, Map.of());
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, curators)), HttpOptions.defaults(),
        Optional.of(curation)).start("127.0.0.1", 0);
    // The digest is also a file, so a rebuild reads it as the server was sent it.
    digests = Files.createDirectories(tmp.resolve("digests"));
    Files.writeString(digests.resolve("digest.jsonl"), digest() + "\n");
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    app.stop();
    live.close();
    curation.close();
    archive.close();
  }

  @Test
  @Order(1)
  void aDigestThatReprintsTwoBriefsMergesTheirStoriesAndFiledApartSplitsThem() throws Exception {
    HttpResponse<String> posted = send("POST", "/api/articles", digest(), ANA);
    assertEquals(201, posted.statusCode(), posted.body());
    assertEquals(List.of("digest", "reuters-1-original", "reuters-1-reissue", "reuters-2"),
        sorted(getJson("/api/stories/reuters-1-original")), "the digest bridges the two briefs' stories");

    HttpResponse<String> filed = send("PUT", "/api/articles/digest/story",
        "{\"story\": null, \"reason\": \"a digest of two briefs, not a version of either\"}", ANA);
    assertEquals(201, filed.statusCode(), filed.body());
    assertEquals("\"v1\"", filed.headers().firstValue("ETag").orElseThrow());

    assertEquals(List.of("reuters-1-original", "reuters-1-reissue"), sorted(getJson("/api/stories/reuters-1-original")));
    assertEquals(List.of("reuters-2"), sorted(getJson("/api/stories/reuters-2")));
    JsonNode digest = getJson("/api/articles/digest").get("story");
    assertEquals("digest", digest.get("id").asText());
    assertEquals(1, digest.get("versionCount").asInt());
    assertEquals("curator", digest.get("versions").get(0).get("filed").asText());
    assertEquals("detected", getJson("/api/stories/reuters-2").get("versions").get(0).get("filed").asText());

    JsonNode change = getJson("/api/changes").get("changes").get(0);
    assertEquals("story.file", change.get("action").asText());
    assertEquals("article:digest", change.get("target").asText());
    assertEquals("ana", change.get("curator").asText());
    assertEquals("a digest of two briefs, not a version of either", change.get("reason").asText());
  }

  @Test
  @Order(2)
  void aCopyFiledApartLeavesItsStoryWhichKeepsItsId() throws Exception {
    HttpResponse<String> filed = send("PUT", "/api/articles/crackdown-courier/story", "{\"story\": null}", ANA);
    assertEquals(201, filed.statusCode(), filed.body());

    assertEquals(List.of("crackdown-corrected", "crackdown-original"), sorted(getJson("/api/stories/crackdown-original")));
    JsonNode courier = getJson("/api/articles/crackdown-courier").get("story");
    assertEquals("crackdown-courier", courier.get("id").asText());
    assertEquals(List.of("crackdown-courier"), sorted(courier));
    JsonNode read = getJson("/api/articles/crackdown-courier/story");
    assertTrue(read.get("with").isNull(), read.toString());
  }

  @Test
  @Order(3)
  void anArticleOfAnotherStoryFiledInAStoryJoinsIt() throws Exception {
    HttpResponse<String> filed = send("PUT", "/api/articles/kill-claims-original/story",
        "{\"story\": \"crackdown-original\", \"reason\": \"the same events, told again\"}", ANA);
    assertEquals(201, filed.statusCode(), filed.body());
    assertEquals("crackdown-original", CurationApiTest.JSON.readTree(filed.body()).get("story").asText());

    JsonNode story = getJson("/api/stories/crackdown-original");
    assertEquals(List.of("crackdown-corrected", "crackdown-original", "kill-claims-original"), sorted(story));
    for (JsonNode version : story.get("versions")) {
      assertEquals(version.get("id").asText().equals("kill-claims-original") ? "curator" : "detected",
          version.get("filed").asText(), version.toString());
    }
    assertEquals(List.of("kill-claims-gazette"), sorted(getJson("/api/stories/kill-claims-original")),
        "the copy it left keeps the story and its id");
  }

  @Test
  @Order(4)
  void aRebuildOfTheSameFoldersWithTheSameCurationFilesThemAllTheSame() throws Exception {
    Path again = Files.createDirectories(tmp.resolve("rebuilt"));
    try (Curation kept = Curation.readOnly(tmp.resolve("curation"));
        TestEngine.Archive rebuilt = engine.index(again, List.of(StoriesApiTest.COPIES, digests),
            CurationApiTest.indexer(kept))) {
      SearchEngine engine = rebuilt.engine();
      assertEquals(List.of("digest"), versions(engine, "digest"));
      assertEquals(List.of("reuters-1-original", "reuters-1-reissue"), versions(engine, "reuters-1-original"));
      assertEquals(List.of("reuters-2"), versions(engine, "reuters-2"));
      assertEquals(List.of("crackdown-courier"), versions(engine, "crackdown-courier"));
      assertEquals(List.of("crackdown-corrected", "crackdown-original", "kill-claims-original"),
          versions(engine, "crackdown-original"));
      assertEquals(List.of("kill-claims-gazette"), versions(engine, "kill-claims-gazette"));
    }
  }

  @Test
  @Order(5)
  void aCopyFiledBackAndAFilingWithdrawnGoWhereTheyBelong() throws Exception {
    CurationApiTest.assertProblem(send("PUT", "/api/articles/crackdown-courier/story",
        "{\"story\": \"crackdown-original\"}", ANA), 428, "precondition_required");
    HttpResponse<String> back = send("PUT", "/api/articles/crackdown-courier/story",
        "{\"story\": \"crackdown-original\"}", ANA, "If-Match", "\"v1\"");
    assertEquals(200, back.statusCode(), back.body());
    assertEquals(List.of("crackdown-corrected", "crackdown-courier", "crackdown-original", "kill-claims-original"),
        sorted(getJson("/api/stories/crackdown-original")));

    HttpResponse<String> withdrawn = send("DELETE", "/api/articles/kill-claims-original/story?reason=detection%20decides",
        null, ANA);
    assertEquals(204, withdrawn.statusCode(), withdrawn.body());
    assertEquals(List.of("kill-claims-gazette", "kill-claims-original"), sorted(getJson("/api/articles/kill-claims-original")
        .get("story")), "detection files it with its copy again");
    assertEquals(List.of("crackdown-corrected", "crackdown-courier", "crackdown-original"),
        sorted(getJson("/api/stories/crackdown-original")));
    assertEquals(404, send("GET", "/api/articles/kill-claims-original/story", null, null).statusCode());
  }

  @Test
  @Order(6)
  void aFilingThatNamesNothingOrItselfIsRefusedAndNeedsACurator() throws Exception {
    CurationApiTest.assertProblem(send("PUT", "/api/articles/reuters-2/story", "{\"story\": \"no-such-story\"}", ANA),
        400, "unknown_article");
    CurationApiTest.assertProblem(send("PUT", "/api/articles/reuters-2/story", "{\"story\": \"reuters-2\"}", ANA),
        409, "curation_conflict");
    CurationApiTest.assertProblem(send("PUT", "/api/articles/reuters-2/story", "{}", ANA), 400, "invalid_body");
    CurationApiTest.assertProblem(send("PUT", "/api/articles/no-such-article/story", "{\"story\": null}", ANA),
        404, "not_found");
    assertEquals(401, send("PUT", "/api/articles/reuters-2/story", "{\"story\": null}", null).statusCode());
    assertEquals(List.of("reuters-2"), sorted(getJson("/api/stories/reuters-2")), "nothing refused was kept");
  }

  @Test
  @Order(7)
  void theCorrectionsFileListsEachFilingWithWhoWhenWhyAndFromWhereAndPutBackRestoresThem() throws Exception {
    HttpResponse<String> read = send("GET", "/api/corrections", null, null);
    assertEquals(200, read.statusCode(), read.body());
    JsonNode file = CurationApiTest.JSON.readTree(read.body());
    JsonNode filings = file.get("filings");
    assertEquals(List.of("crackdown-courier", "digest"), ids(filings), "a withdrawn filing is not in it: " + filings);
    JsonNode digest = filings.get(1);
    assertTrue(digest.get("story").isNull() && digest.get("with").isNull(), "filed apart: " + digest);
    assertEquals("reuters-1-original", digest.get("from").asText(), "the story the digest had merged into");
    assertEquals("a digest of two briefs, not a version of either", digest.get("reason").asText());
    assertEquals("ana", digest.get("curator").asText());
    assertTrue(digest.hasNonNull("updated"), digest.toString());
    JsonNode courier = filings.get(0);
    assertEquals("crackdown-original", courier.get("story").asText());
    assertEquals("crackdown-courier", courier.get("from").asText(), "filed apart before it was filed back");
    assertEquals(2, courier.get("version").asInt());
    long lastFiling = getJson("/api/changes").get("changes").get(0).get("seq").asLong();
    assertEquals("\"v" + lastFiling + "\"", read.headers().firstValue("ETag").orElseThrow(),
        "a filing is a change to the corrections file: a restore must name it");

    // Put back as read: nothing changes, nothing is recorded.
    String etag = read.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> same = send("PUT", "/api/corrections", read.body(), ANA, "If-Match", etag);
    assertEquals(200, same.statusCode(), same.body());
    assertEquals(lastFiling, getJson("/api/changes").get("changes").get(0).get("seq").asLong());

    // A file without the digest's filing withdraws it: detection merges the briefs' stories again.
    ObjectNode without = (ObjectNode) file.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) without.get("filings")).remove(1);
    HttpResponse<String> imported = send("PUT", "/api/corrections", CurationApiTest.JSON.writeValueAsString(without),
        ANA, "If-Match", etag);
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(List.of("digest", "reuters-1-original", "reuters-1-reissue", "reuters-2"),
        sorted(getJson("/api/stories/reuters-1-original")));
    assertEquals(404, send("GET", "/api/articles/digest/story", null, null).statusCode());

    // And the file read before puts it back, apart again.
    HttpResponse<String> restored = send("PUT", "/api/corrections", read.body(), ANA, "If-Match", "*");
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(List.of("digest"), sorted(getJson("/api/stories/digest")));
    assertEquals("a digest of two briefs, not a version of either",
        getJson("/api/articles/digest/story").get("reason").asText());
  }

  private static List<String> ids(JsonNode filings) {
    List<String> ids = new ArrayList<>();
    filings.forEach(filing -> ids.add(filing.get("articleId").asText()));
    return ids;
  }

  /** A digest that reprints the fixture's two Reuters briefs word for word, one after the other. */
  static String digest() throws IOException {
    Map<String, String> bodies = new java.util.HashMap<>();
    for (String line : Files.readAllLines(StoriesApiTest.COPIES.resolve("wire-copies.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode article = CurationApiTest.JSON.readTree(line);
        bodies.put(article.get("id").asText(), article.get("body").asText());
      }
    }
    ObjectNode digest = CurationApiTest.JSON.createObjectNode();
    digest.put("id", "digest").put("title", "Business briefs").put("source", "The Digest").put("published", "1987-03-02")
        .put("body", bodies.get("reuters-1-original") + "\n\n" + bodies.get("reuters-2"));
    return CurationApiTest.JSON.writeValueAsString(digest);
  }

  private static List<String> versions(SearchEngine engine, String articleId) throws IOException {
    Story story = engine.story(articleId).orElseThrow();
    return story.versions().stream().map(StoryVersion::articleId).sorted().toList();
  }

  private static List<String> sorted(JsonNode story) {
    List<String> ids = new ArrayList<>();
    story.get("versions").forEach(version -> ids.add(version.get("id").asText()));
    return ids.stream().sorted().toList();
  }

  static HttpResponse<String> send(String method, String path, String body, String token, String... headers)
      throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), method, path, body, token, headers);
  }

  static JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send("GET", path, null, null);
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return CurationApiTest.JSON.readTree(response.body());
  }
}
