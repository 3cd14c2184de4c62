package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.mediaType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.problem.Problem;

/** {@code /api/health}, {@code /api/stats}, and how misses and wrong methods are answered. */
class StatusAndErrorsTest {
  @TempDir static Path tmp;
  static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.on(SeedIndex.build(tmp, Map.of()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void healthSaysOkAndCountsArticles() throws Exception {
    JsonNode health = server.getJson("/api/health", 200);
    assertEquals("ok", health.get("status").asText());
    assertEquals(2, health.get("articles").asInt());
  }

  @Test
  void statsGiveArticlesSizeAndLastUpdate() throws Exception {
    JsonNode stats = server.getJson("/api/stats", 200);
    assertEquals(2, stats.get("articles").asInt());
    assertTrue(stats.get("indexSizeBytes").asLong() > 1000, stats.toString());
    Instant updated = Instant.parse(stats.get("lastUpdate").asText());
    assertTrue(updated.isBefore(Instant.now().plusSeconds(1)) && updated.isAfter(Instant.now().minusSeconds(600)));
  }

  @Test
  void unknownApiPathsAre404Problems() throws Exception {
    for (String path : List.of("/api/nothing-here", "/api/", "/api/articles/a/b")) {
      HttpResponse<String> response = server.get(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals(Problem.MEDIA_TYPE, mediaType(response), path);
      assertTrue(JSON.readTree(response.body()).get("detail").asText().contains(path), response.body());
    }
  }

  @Test
  void gettingTheCollectionThatOnlyTakesPostsIsA405() throws Exception {
    HttpResponse<String> response = server.get("/api/articles");
    assertEquals(405, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), response.headers().toString());
  }

  @Test
  void aWrongMethodOnAKnownPathIsA405ProblemNamingTheAllowedMethods() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search"))
          .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
      assertEquals(405, response.statusCode(), method + " " + response.body());
      assertEquals(Problem.MEDIA_TYPE, mediaType(response));
      assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), response.headers().toString());
      JsonNode problem = JSON.readTree(response.body());
      assertEquals(405, problem.get("status").asInt());
      assertEquals("Method not allowed", problem.get("title").asText());
      assertTrue(problem.get("detail").asText().startsWith(method + " is not allowed on /api/search"), problem.toString());
    }
  }

  @Test
  void aPlainOptionsOnAKnownPathIsAnswered204WithTheMethodsItTakes() throws Exception {
    // RFC 9110 (9.3.7): OPTIONS asks which methods a resource takes; it is not a wrong method (a
    // preflight, with Origin and Access-Control-Request-Method, is CrossOriginTest's).
    Map<String, Set<String>> expected = Map.of(
        "/api/search", Set.of("GET", "HEAD", "OPTIONS"),
        "/api/articles", Set.of("POST", "OPTIONS"),
        "/api/articles/" + SeedIndex.CRACKDOWN, Set.of("GET", "HEAD", "DELETE", "OPTIONS"),
        "/api/openapi.json", Set.of("GET", "HEAD", "OPTIONS"),
        "/", Set.of("GET", "HEAD", "OPTIONS"),
        "/app.js", Set.of("GET", "HEAD", "OPTIONS"));
    for (Map.Entry<String, Set<String>> path : expected.entrySet()) {
      HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base() + path.getKey()))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(204, response.statusCode(), path.getKey() + " " + response.body());
      assertEquals(path.getValue(), allowed(response), path.getKey());
      assertEquals("", response.body(), path.getKey());
      assertEquals(java.util.Optional.empty(), response.headers().firstValue("Content-Type"), "a 204 has no body to type");
    }
    // A wrong method's 405 names OPTIONS among the methods too; a path that is not there is still a miss.
    HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search"))
        .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(405, wrong.statusCode());
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allowed(wrong));
    HttpResponse<String> missing = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/nothing-here"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(404, missing.statusCode());
  }

  private static Set<String> allowed(HttpResponse<String> response) {
    return Set.of(response.headers().firstValue("Allow").orElse("").split(",\\s*"));
  }

  @Test
  void aReadThatTakesNoSuchParameterSaysSoAsSearchDoes() throws Exception {
    for (String path : List.of("/api/articles/" + SeedIndex.CRACKDOWN + "?size=1", "/api/health?x=1",
        "/api/stories/" + SeedIndex.CRACKDOWN + "?x=1", "/api/openapi.json?v=2",
        "/api/export?format=csv&cursor=garbage", "/api/feed?cursor=garbage", "/api/feed?interval=week")) {
      HttpResponse<String> response = server.get(path);
      assertEquals(400, response.statusCode(), path + " " + response.body());
      assertEquals(Problem.MEDIA_TYPE, mediaType(response));
      assertEquals("unknown_parameter", JSON.readTree(response.body()).get("code").asText(), path);
    }
    assertEquals(200, server.get("/api/articles/" + SeedIndex.CRACKDOWN).statusCode());
    // A feed's or an export's unknown parameter is answered with what that endpoint takes, not the page's.
    for (String endpoint : List.of("/api/feed", "/api/export")) {
      String detail = JSON.readTree(server.get(endpoint + "?format=csv&bogus=1").body()).get("detail").asText();
      assertTrue(detail.contains(endpoint + " takes q,") && !detail.contains("cursor"), detail);
    }
  }

  @Test
  void writingToThePageOrOneOfItsFilesIsA405NotAMiss() throws Exception {
    for (String path : List.of("/", "/index.html", "/app.js")) {
      HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base() + path))
          .method("POST", HttpRequest.BodyPublishers.ofString("{}")).build());
      assertEquals(405, response.statusCode(), path + " " + response.body());
      assertEquals(Problem.MEDIA_TYPE, mediaType(response));
      assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElse(""), path);
    }
    HttpResponse<String> missing = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/no-such-page.html"))
        .method("POST", HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(404, missing.statusCode(), "a file that is not there is still a miss");
  }

  @Test
  void staticMissesAre404ProblemsWithoutAStackTrace() throws Exception {
    HttpResponse<String> response = server.get("/no-such-page.html");
    assertEquals(404, response.statusCode());
    assertEquals(Problem.MEDIA_TYPE, mediaType(response));
    assertEquals("not_found", JSON.readTree(response.body()).get("code").asText());
    assertFalse(response.body().contains("Exception") || response.body().contains("at org."), response.body());
    assertEquals(200, server.get("/").statusCode(), "the page itself is still served");
  }
}
