package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.LiveUpdatesTest.AIRLIFT;
import static org.morgue.server.LiveUpdatesTest.BODY_LIMIT;
import static org.morgue.server.LiveDesk.HTTP;
import static org.morgue.server.LiveUpdatesTest.JSON;
import static org.morgue.server.LiveUpdatesTest.NDJSON;
import static org.morgue.server.LiveUpdatesTest.TOKEN;
import static org.morgue.server.LiveUpdatesTest.assertProblem;
import static org.morgue.server.LiveUpdatesTest.enc;
import static org.morgue.server.LiveUpdatesTest.line;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.live.WriteAccess;

/**
 * Writes the server refuses whole: bodies it cannot read, articles it will not store, requests
 * without the right token or over the size limit. Each is refused before any article reaches the
 * engine, so these run on the embedded engine alone; what a write does once accepted, on each
 * engine, is in {@link LiveUpdatesTest}.
 */
class LiveUpdateRefusalsTest {
  @TempDir Path tmp;
  LiveServer server;
  LiveDesk desk;

  @BeforeEach
  void startServerWithLiveUpdates() throws IOException {
    server = LiveServer.start(SeedIndex.build(tmp, Map.of()));
    desk = new LiveDesk(server.app().port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void healthSaysAServerWithLiveUpdatesTakesChanges() throws Exception {
    HttpResponse<String> health = desk.get("/api/health");
    assertEquals(200, health.statusCode());
    assertTrue(JSON.readTree(health.body()).get("writable").asBoolean(), health.body());
  }

  @Test
  void aBodyWithABadLineIs400NamingTheLineAndNothingFromItIsWritten() throws Exception {
    String body = line("good-line", "A good article", "The Senate passed the farm bill.")
        + "{\"id\": \"no-text\", \"source\": \"live-desk\"}\n"
        + "{\"title\": \"Bad date\", \"body\": \"Text.\", \"published\": \"yesterday\"}\n"
        + "not json at all\n";
    HttpResponse<String> response = desk.post(body, NDJSON, TOKEN);
    assertEquals(400, response.statusCode(), response.body());
    assertProblem(response, 400);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("body", problem.get("parameter").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains("line 2: no title and no body"), detail);
    assertTrue(detail.contains("line 3: published 'yesterday' is not an ISO-8601 date"), detail);
    assertTrue(detail.contains("line 4: line is not valid JSON: 'not' is not a JSON value (column 1)"), detail);
    assertFalse(detail.contains("was expecting"), detail);
    assertFalse(detail.contains("line 1"), detail);

    assertEquals(404, desk.get("/api/articles/good-line").statusCode());
    assertEquals(0, desk.getJson("/api/search?q=" + enc("\"farm bill\""), 200).get("total").asInt());
  }

  /**
   * A refused body lists every bad line as data (line, id, field, value, detail) in {@code errors},
   * up to 1,000, with {@code errorCount}: the prose named the first ten, without ids, so a CMS could
   * not tell which items to drop and resend the rest (a developer's trial, session 43).
   */
  @Test
  void aRefusedBodyListsEachBadLineAsDataWithItsId() throws Exception {
    String body = line("good-line", "A good article", "The Senate passed the farm bill.")
        + "{\"id\": \"no-text\", \"source\": \"live-desk\"}\n"
        + "{\"id\": 4711, \"title\": \"Bad date\", \"body\": \"Text.\", \"published\": \"yesterday\"}\n"
        + "not json at all\n"
        + line("good-line", "Again", "Twice.");
    JsonNode problem = JSON.readTree(desk.post(body, NDJSON, TOKEN).body());
    assertEquals(4, problem.get("errorCount").asInt(), problem.toString());
    JsonNode errors = problem.get("errors");
    assertEquals(4, errors.size(), problem.toString());
    assertEquals(JSON.readTree("{\"line\": 2, \"id\": \"no-text\", \"detail\": \"no title and no body\"}"), errors.get(0));
    assertEquals(JSON.readTree("{\"line\": 3, \"id\": \"4711\", \"field\": \"published\", \"value\": \"yesterday\","
        + " \"detail\": \"published 'yesterday' is not an ISO-8601 date\"}"), errors.get(1));
    assertEquals(4, errors.get(2).get("line").asInt());
    assertFalse(errors.get(2).has("id"), errors.get(2).toString());
    assertTrue(errors.get(2).get("detail").asText().startsWith("line is not valid JSON"), errors.get(2).toString());
    assertEquals(JSON.readTree("{\"line\": 5, \"id\": \"good-line\", \"detail\": \"id 'good-line' was already given"
        + " on line 1\"}"), errors.get(3));
    assertTrue(problem.get("detail").asText().contains("line 3: published 'yesterday'"), "the prose stays: " + problem);

    // One object is no line: its refusal says the rest.
    JsonNode object = JSON.readTree(desk.post("{\"id\": \"bad-link\", \"title\": \"T\", \"body\": \"B.\","
        + " \"url\": \"javascript:void(0)\"}", "application/json", TOKEN).body());
    assertEquals(1, object.get("errorCount").asInt(), object.toString());
    JsonNode only = object.get("errors").get(0);
    assertFalse(only.has("line"), only.toString());
    assertEquals("bad-link", only.get("id").asText());
    assertEquals("url", only.get("field").asText());

    // The trial's 1,500 bad lines of 3,000: listed up to 1,000, counted all.
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      many.append("{\"id\":").append(i).append("}\n");
    }
    JsonNode bounded = JSON.readTree(desk.post(many.toString(), NDJSON, TOKEN).body());
    assertEquals(1_200, bounded.get("errorCount").asInt(), bounded.get("detail").asText());
    assertEquals(1_000, bounded.get("errors").size());
    assertEquals(1_000, bounded.get("errors").get(999).get("line").asInt());
    assertEquals("999", bounded.get("errors").get(999).get("id").asText());
    assertTrue(bounded.get("detail").asText().endsWith("; and 1190 more"), bounded.get("detail").asText());
  }

  @Test
  void idsWithControlCharactersAreRefusedNotQuietlyMerged() throws Exception {
    String body = JSON.writeValueAsString(Map.of("id", "bell\u0007id", "title", "Bell", "body", "Text.")) + "\n"
        + JSON.writeValueAsString(Map.of("id", "nul\u0000id", "title", "Nul", "body", "Text.")) + "\n";
    HttpResponse<String> response = desk.post(body, NDJSON, TOKEN);
    assertEquals(400, response.statusCode(), response.body());
    JsonNode problem = JSON.readTree(response.body());
    assertEquals("invalid_article_id", problem.get("code").asText());
    assertEquals("id", problem.get("field").asText());
    assertEquals("bell\u0007id", problem.get("value").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains("line 1: id 'bell\\u0007id' holds control characters"), detail);
    assertTrue(detail.contains("line 2: id 'nul\\u0000id' holds control characters"), detail);
    assertEquals(404, desk.get("/api/articles/bellid").statusCode(), "not stored under the id with its controls stripped");
  }

  @Test
  void refusalsForDifferentReasonsInOneBodyAreAnInvalidBodyWithoutAField() throws Exception {
    String body = JSON.writeValueAsString(Map.of("title", "T", "body", "B.", "url", "javascript:void(0)")) + "\n"
        + JSON.writeValueAsString(Map.of("title", "T", "body", "B.", "published", "2019-02-30")) + "\n";
    JsonNode problem = JSON.readTree(desk.post(body, NDJSON, TOKEN).body());
    assertEquals("invalid_body", problem.get("code").asText());
    assertFalse(problem.has("field"), problem.toString());
    assertTrue(problem.get("detail").asText().contains("line 1: url"), problem.toString());
    assertTrue(problem.get("detail").asText().contains("line 2: published '2019-02-30'"), problem.toString());
  }

  @Test
  void loneSurrogatesAre400sNamingTheLineNotSilentQuestionMarks() throws Exception {
    String escaped = line("half-pair", "Half \\ud800 a pair", "Text.").replace("\\\\ud800", "\\ud800");
    HttpResponse<String> lines = desk.post(line("fine", "Fine", "Fine text.") + escaped, NDJSON, TOKEN);
    assertEquals(400, lines.statusCode(), lines.body());
    JsonNode problem = JSON.readTree(lines.body());
    assertEquals("invalid_body", problem.get("code").asText());
    assertTrue(problem.get("detail").asText().contains("line 2: holds a lone surrogate"), lines.body());

    HttpResponse<String> object = desk.post("{\"id\": \"half\",\n \"title\": \"Half \\udc00 a pair\"}", "application/json", TOKEN);
    assertEquals(400, object.statusCode(), object.body());
    assertTrue(JSON.readTree(object.body()).get("detail").asText().contains("body, line 2: holds a lone surrogate"),
        object.body());

    // The same half pair as bytes (CESU-8's ED A0 80) is not UTF-8.
    byte[] raw = (line("fine", "Fine", "Fine text.") + "{\"id\": \"raw\", \"title\": \"Half X\"}\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withHalf = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace("X", "\u00ed\u00a0\u0080").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> bytes = desk.send(desk.request("/api/articles").header("Content-Type", NDJSON)
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(withHalf)));
    assertEquals(400, bytes.statusCode(), bytes.body());
    assertTrue(JSON.readTree(bytes.body()).get("detail").asText().contains("line 2: line is not valid UTF-8"),
        bytes.body());
    assertEquals(404, desk.get("/api/articles/fine").statusCode(), "nothing from a refused body is written");
  }

  @Test
  void oneIdTwiceInABodyIsABadLine() throws Exception {
    String body = line("twice", "First", "One.") + line("twice", "Second", "Two.");
    HttpResponse<String> response = desk.post(body, NDJSON, TOKEN);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(JSON.readTree(response.body()).get("detail").asText()
        .contains("line 2: id 'twice' was already given on line 1"), response.body());
    assertEquals(404, desk.get("/api/articles/twice").statusCode());
  }

  @Test
  void aBrokenJsonObjectAnEmptyBodyAndAnUnknownMediaTypeAreRefused() throws Exception {
    HttpResponse<String> broken = desk.post("{\"title\": \"Unclosed\"", "application/json", TOKEN);
    assertEquals(400, broken.statusCode(), broken.body());
    String brokenDetail = JSON.readTree(broken.body()).get("detail").asText();
    assertTrue(brokenDetail.contains("body: not valid JSON: it ends before the object opened at line 1, column 1 is closed"),
        broken.body());
    // In the writer's words: nothing of the JSON library's classes or settings (it once said "[Source:
    // REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)").
    assertFalse(brokenDetail.matches("(?s).*(Source|REDACTED|`|marker).*"), brokenDetail);

    HttpResponse<String> empty = desk.post("\n\n", NDJSON, TOKEN);
    assertEquals(400, empty.statusCode(), empty.body());
    assertTrue(JSON.readTree(empty.body()).get("detail").asText().contains("no articles"), empty.body());

    HttpResponse<String> text = desk.post(AIRLIFT, "text/plain", TOKEN);
    assertEquals(415, text.statusCode(), text.body());
    assertProblem(text, 415);

    // The API trial's gzipped body and Latin-1 charset were 400 "not valid UTF-8 text", as if the
    // text were broken: they are media the server does not take (RFC 9110, 15.5.16).
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
      gzip.write(AIRLIFT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<String> compressed = desk.send(desk.request("/api/articles").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
    assertEquals(415, compressed.statusCode(), compressed.body());
    assertTrue(JSON.readTree(compressed.body()).get("detail").asText().contains("Content-Encoding 'gzip'"), compressed.body());
    HttpResponse<String> latin = desk.post(AIRLIFT, "application/json; charset=ISO-8859-1", TOKEN);
    assertEquals(415, latin.statusCode(), latin.body());
    assertTrue(JSON.readTree(latin.body()).get("detail").asText().contains("UTF-8"), latin.body());
    assertEquals(404, desk.get("/api/articles/berlin-airlift").statusCode(), "nothing was written");
  }

  @Test
  void aWriteWhoseIfUnmodifiedSinceIsOlderThanTheArchiveIs412AndChangesNothing() throws Exception {
    // The API trial's DELETE with If-Unmodified-Since of 2001 deleted the article (RFC 9110, 13.1.4).
    HttpResponse<String> read = desk.get("/api/articles/" + SeedIndex.CRACKDOWN);
    String lastModified = read.headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<String> old = desk.send(desk.request("/api/articles/" + SeedIndex.CRACKDOWN)
        .header("Authorization", "Bearer " + TOKEN).header("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").DELETE());
    assertEquals(412, old.statusCode(), old.body());
    assertProblem(old, 412);
    assertEquals(200, desk.get("/api/articles/" + SeedIndex.CRACKDOWN).statusCode(), "still there");
    HttpResponse<String> posted = desk.send(desk.request("/api/articles").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").header("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
        .POST(HttpRequest.BodyPublishers.ofString(AIRLIFT)));
    assertEquals(412, posted.statusCode(), posted.body());
    assertEquals(404, desk.get("/api/articles/berlin-airlift").statusCode(), "nothing was written");
    // The date the read gave still holds: the write goes through.
    HttpResponse<String> current = desk.send(desk.request("/api/articles").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json").header("If-Unmodified-Since", lastModified)
        .POST(HttpRequest.BodyPublishers.ofString(AIRLIFT)));
    assertEquals(201, current.statusCode(), current.body());
  }

  @Test
  void writesWithoutTheRightTokenAre401WithABearerChallenge() throws Exception {
    for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of("wrong-token"),
        Optional.of(TOKEN + "x"), Optional.of(TOKEN.substring(1)))) {
      HttpResponse<String> posted = desk.post(AIRLIFT, "application/json", token.orElse(null));
      assertEquals(401, posted.statusCode(), token + ": " + posted.body());
      assertProblem(posted, 401);
      assertTrue(posted.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), posted.headers().toString());
      assertFalse(posted.body().contains(TOKEN), "the token never appears in a response");

      HttpResponse<String> deleted = desk.delete(SeedIndex.CRACKDOWN, token.orElse(null));
      assertEquals(401, deleted.statusCode(), deleted.body());
    }
    HttpResponse<String> basic = desk.send(desk.request("/api/articles").header("Authorization", "Basic " + TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(AIRLIFT)));
    assertEquals(401, basic.statusCode(), basic.body());
    assertEquals("Bearer realm=\"morgue\"", basic.headers().firstValue("WWW-Authenticate").orElse(""));
    // No bearer token was sent, so none was wrong: a trial was told "the bearer token is not one ...".
    assertEquals("Authorization uses the Basic scheme, and this server takes a curator's token as a bearer token:"
        + " send Authorization: Bearer <token>", JSON.readTree(basic.body()).get("detail").asText());
    // A token sent without a scheme is not named as one, which would echo it.
    HttpResponse<String> bare = desk.send(desk.request("/api/articles").header("Authorization", TOKEN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(AIRLIFT)));
    assertEquals(401, bare.statusCode(), bare.body());
    assertTrue(JSON.readTree(bare.body()).get("detail").asText().startsWith("Authorization holds no bearer token"),
        bare.body());
    assertFalse(bare.body().contains(TOKEN), bare.body());
    assertEquals("the bearer token is not one this server was started with",
        JSON.readTree(desk.post(AIRLIFT, "application/json", "wrong-token").body()).get("detail").asText());
    assertEquals(404, desk.get("/api/articles/berlin-airlift").statusCode());
    assertEquals(200, desk.get("/api/articles/" + SeedIndex.CRACKDOWN).statusCode());
  }

  @Test
  void withoutATokenConfiguredWritesAre403AndReadsStillWork() throws Exception {
    Javalin readOnly = MorgueServer.create(server.searcher()).start("127.0.0.1", 0);
    try {
      URI posts = URI.create("http://127.0.0.1:" + readOnly.port() + "/api/articles");
      HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(posts).header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(AIRLIFT)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, posted.statusCode(), posted.body());
      assertProblem(posted, 403);
      assertEquals(WriteAccess.DISABLED, JSON.readTree(posted.body()).get("detail").asText());

      URI article = URI.create("http://127.0.0.1:" + readOnly.port() + "/api/articles/" + SeedIndex.CRACKDOWN);
      HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(article).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, deleted.statusCode(), deleted.body());
      assertEquals(200, HTTP.send(HttpRequest.newBuilder(article).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    } finally {
      readOnly.stop();
    }
  }

  @Test
  void bodiesOverTheLimitAre413WhetherTheyDeclareTheirLengthOrNot() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() <= BODY_LIMIT; i++) {
      big.append(line("big-" + i, "Article " + i, "The Senate passed the farm bill. ".repeat(10)));
    }
    byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> declared = desk.post(big.toString(), NDJSON, TOKEN);
    assertEquals(413, declared.statusCode(), declared.body());
    assertProblem(declared, 413);
    assertTrue(JSON.readTree(declared.body()).get("detail").asText().contains("limit is " + BODY_LIMIT + " bytes"));

    // Streamed without a Content-Length: the server counts as it reads.
    HttpResponse<String> chunked = desk.send(desk.request("/api/articles").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", NDJSON)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    assertEquals(413, chunked.statusCode(), chunked.body());
    assertEquals(404, desk.get("/api/articles/big-0").statusCode());
  }
}
