package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.http.PathSegment;

/**
 * Fields that become search terms and facet labels, posted longer than the engines take them (a
 * user's trial): each answered 500 after part of the write was made ("immense term in field=id",
 * "category path exceeds maximum allowed path length"). Now a 400 naming the field and its limit,
 * the batch refused whole; at the limits the write succeeds. An id of 5,000 characters was written
 * to the embedded index, but is over OpenSearch's 512 bytes: it is refused as well, so that an
 * archive either engine takes, the other takes too.
 */
class OverLongFieldsTest {
  static final String ANA = "ana-over-long-token-9b2f";
  static final String BODY = "The harbour authority announced new tariffs on Tuesday for all container ships.";

  @TempDir Path tmp;
  CuratedCopiesServer server;

  @BeforeEach
  void start() throws Exception {
    server = CuratedCopiesServer.start(tmp, "ana", ANA);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void anIdASourceOrAnAuthorOverItsLimitIsA400NamingTheFieldAndTheLimit() throws Exception {
    assertRefused(article("x".repeat(40_000)), "id", "id is 40000 bytes long in UTF-8; the limit is 512 bytes");
    assertRefused(article("z".repeat(5_000)), "id", "id is 5000 bytes long in UTF-8; the limit is 512 bytes");
    // 129 emoji are 516 bytes.
    assertRefused(article("\uD83D\uDCF0".repeat(129)), "id", "id is 516 bytes long in UTF-8; the limit is 512 bytes");
    assertRefused(article("long-source").put("source", "s".repeat(9_000)), "source",
        "source is 9000 characters long; the limit is 1000");
    assertRefused(article("longer-source").put("source", "s".repeat(40_000)), "source",
        "source is 40000 characters long; the limit is 1000");
    ObjectNode byline = article("long-author");
    byline.putArray("authors").add("Ana Ruiz").add("y".repeat(40_000));
    assertRefused(byline, "authors", "an author is 40000 characters long; the limit is 1000");
    assertRefused(article("long-url").put("url", "https://example.org/" + "u".repeat(9_000)), "url",
        "url is 9020 characters long; the limit is 8000");
    // Counted as a person counts: 1,000 emoji are 1,000 characters (2,000 Java chars, 4,000 bytes).
    String emoji = "\uD83D\uDCF0".repeat(1_000);
    assertEquals(201, post(article("emoji-source").put("source", emoji).toString()).statusCode());
  }

  @Test
  void theRefusedWriteLeavesNothingSoTheNextWriteOfItsTextSucceeds() throws Exception {
    assertRefused(article("x".repeat(40_000)), "id", "id is 40000 bytes long in UTF-8; the limit is 512 bytes");
    // It failed the next two posts of the same text with "immense term in field=story", the story it had started.
    HttpResponse<String> next = post(article("harbour-tariffs").toString());
    assertEquals(201, next.statusCode(), next.body());
    assertEquals("harbour-tariffs", json(get("/api/stories/harbour-tariffs")).get("versions").get(0).get("id").asText());
  }

  @Test
  void aBatchWithOneOverLongLineIsRefusedWhole() throws Exception {
    String batch = article("good-line") + "\n" + article("bad-line").put("source", "s".repeat(9_000)) + "\n";
    HttpResponse<String> refused = RunningServer.curatorCall(server.port(), "POST", "/api/articles", batch, ANA,
        "Content-Type", "application/x-ndjson");
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode problem = json(refused);
    assertEquals("invalid_body", problem.get("code").asText());
    assertEquals(2, problem.get("errors").get(0).get("line").asInt());
    assertEquals("bad-line", problem.get("errors").get(0).get("id").asText());
    assertEquals(404, get("/api/articles/good-line").statusCode(), "nothing was written");
  }

  @Test
  void fieldsAtTheirLimitsAreWritten() throws Exception {
    String id = "z".repeat(512);
    assertEquals(201, post(article(id).toString()).statusCode());
    assertEquals(200, get("/api/articles/" + PathSegment.of(id)).statusCode());
    // In the widest characters: 128 emoji are 512 bytes; 1,000 of them a facet label of 2,000 chars.
    String widest = "\uD83D\uDCF0".repeat(128);
    ObjectNode atLimits = article(widest).put("source", "\uD83D\uDCF0".repeat(1_000))
        .put("url", "https://example.org/" + "u".repeat(7_980));
    atLimits.putArray("authors").add("\uD83D\uDCF0".repeat(1_000));
    HttpResponse<String> written = post(atLimits.toString());
    assertEquals(201, written.statusCode(), written.body());
    assertEquals(200, get("/api/articles/" + PathSegment.of(widest)).statusCode());
  }

  @Test
  void aNameTooLongToBeAnyonesIsNoActorAndTheArticleIsWritten() throws Exception {
    // "President" and a capitalised run of 9,000 letters was an actor, whose facet label failed the write.
    String giant = "B".repeat(9_000);
    HttpResponse<String> written = post(article("giant-name").put("body",
        "Officials met President " + giant + " on Tuesday in the harbour. President Lula spoke.").toString());
    assertEquals(201, written.statusCode(), written.body());
    JsonNode actors = json(get("/api/articles/giant-name")).get("actors");
    assertFalse(actors.toString().contains("BBBB"), actors.toString());
  }

  private void assertRefused(ObjectNode article, String field, String reason) throws Exception {
    HttpResponse<String> refused = post(article.toString());
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode problem = json(refused);
    assertEquals("invalid_body", problem.get("code").asText(), problem.toString());
    assertEquals("nothing was written; body: " + reason, problem.get("detail").asText());
    JsonNode error = problem.get("errors").get(0);
    assertEquals(field, error.get("field").asText());
    assertEquals(reason, error.get("detail").asText());
    assertTrue(refused.body().length() < 2_000, "the value is not repeated: " + refused.body().length());
    if (!field.equals("id")) {
      assertEquals(404, get("/api/articles/" + article.get("id").asText()).statusCode(), "nothing was written");
    }
  }

  private static ObjectNode article(String id) {
    return LiveUpdatesTest.JSON.createObjectNode().put("id", id).put("body", BODY);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return RunningServer.curatorCall(server.port(), "POST", "/api/articles", body, ANA);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return RunningServer.curatorCall(server.port(), "GET", path, null, null);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return LiveUpdatesTest.JSON.readTree(response.body());
  }
}
