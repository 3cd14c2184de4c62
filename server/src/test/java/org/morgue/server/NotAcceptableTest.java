package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.search.ArchiveSearcher;

/**
 * A client whose Accept takes no JSON is answered 406 by the JSON endpoints, not sent JSON it said it
 * cannot read, and so is one taking only problems; every Accept that does take JSON (a wildcard, a
 * browser's list, a q-value above 0) gets it, and the exports and feeds keep choosing their own types.
 */
class NotAcceptableTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    searcher = ArchiveSearcher.open(SeedIndex.build(tmp, Map.of()));
    app = MorgueServer.create(searcher).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    searcher.close();
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAcceptWithoutJsonIsRefusedWith406() throws Exception {
    for (String path : List.of("/api/search?q=Venezuela", "/api/articles/" + SeedIndex.KILL_CLAIMS, "/api/health")) {
      for (String accept : List.of("application/xml", "text/html", "text/csv, application/xml;q=0.9",
          "application/json;q=0, application/problem+json;q=0, */*", "application/json;q=0, */*", "image/*",
          "image/png", "application/problem+json", "application/json;q=0, application/problem+json")) {
        HttpResponse<String> refused = get(path, accept);
        assertEquals(406, refused.statusCode(), path + " Accept: " + accept);
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("\"not_acceptable\""), refused.body());
      }
    }
  }

  @Test
  void everyAcceptThatTakesJsonGetsIt() throws Exception {
    String chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    for (String accept : new String[] {null, "", "*/*", "application/*", "application/json", "Application/JSON",
        "application/problem+json, application/json", "application/json; charset=utf-8",
        "application/xml, application/json;q=0.1",
        "application/xml;q=1, */*;q=0.01", chrome, "text/html, */*;q=x", ";", "application/json,;", ",,"}) {
      HttpResponse<String> answer = get("/api/search?q=Venezuela", accept);
      assertEquals(200, answer.statusCode(), "Accept: " + accept);
      assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }
    // A browser loading the page gets it, whatever its Accept says of JSON.
    assertEquals(200, get("/", chrome).statusCode());
  }

  @Test
  void aClientTakingOnlyProblemsIsRefusedASuccessAndGetsEveryErrorAsAProblem() throws Exception {
    // A problem is its own media type, not a kind of application/json: a client naming it alone takes
    // no answer of a search, so it is refused as image/png is (a user trial was sent 200 application/json),
    // and every error it meets, from a handler, the router or Jetty itself, is the type it named.
    String problems = "application/problem+json";
    HttpResponse<String> search = get("/api/search?q=jury", problems);
    assertEquals(406, search.statusCode(), search.body());
    assertTrue(search.headers().firstValue("Content-Type").orElse("").startsWith(problems));
    assertTrue(search.body().contains("\"not_acceptable\""), search.body());
    assertEquals(200, get("/api/search?q=jury", problems + ", application/json").statusCode());
    for (String path : List.of("/api/search?size=x", "/api/articles/nope", "/api/nothing-here", "/api/articles/%00",
        "/api/suggest", "/api/health?x=1")) {
      HttpResponse<String> error = get(path, problems);
      assertTrue(error.statusCode() >= 400, path + " " + error.statusCode());
      assertTrue(error.headers().firstValue("Content-Type").orElse("").startsWith(problems), path + " "
          + error.headers().firstValue("Content-Type"));
      assertTrue(error.body().contains("\"status\":" + error.statusCode()), error.body());
    }
    HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/api/search")).header("Accept", problems).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, wrongMethod.statusCode());
    assertTrue(wrongMethod.headers().firstValue("Content-Type").orElse("").startsWith(problems));
  }

  @Test
  void theOpenApiDocumentIsServedForItsOwnMediaTypeAsThatTypeOnlyWhenAskedForAlone() throws Exception {
    for (String accept : List.of("application/vnd.oai.openapi+json", "application/vnd.oai.openapi+json;version=3.0",
        "application/vnd.oai.openapi+json, application/xml;q=0.5", "application/json;q=0, application/vnd.oai.openapi+json")) {
      HttpResponse<String> document = get("/api/openapi.json", accept);
      assertEquals(200, document.statusCode(), "Accept: " + accept + " " + document.body());
      assertEquals("application/vnd.oai.openapi+json;version=3.0", document.headers().firstValue("Content-Type").orElse(""),
          "Accept: " + accept);
      assertTrue(document.body().contains("\"openapi\": \"3.0.3\""));
      assertTrue(document.headers().firstValue("Vary").orElse("").contains("Accept"), document.headers().toString());
    }
    // Naming JSON too (or by a wildcard), or neither, the client gets application/json, which any JSON reader takes.
    for (String accept : new String[] {null, "*/*", "application/json", "application/vnd.oai.openapi+json, application/json",
        "application/vnd.oai.openapi+json;q=0.9, */*;q=0.1", "application/vnd.oai.openapi+json, application/*;q=0.5"}) {
      HttpResponse<String> document = get("/api/openapi.json", accept);
      assertEquals(200, document.statusCode(), "Accept: " + accept);
      assertTrue(document.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "Accept: " + accept);
    }
    assertEquals(406, get("/api/openapi.json", "application/vnd.oai.openapi+json;q=0, application/xml").statusCode());
    // Only the document has that type: the other JSON endpoints still refuse a client taking nothing else.
    assertEquals(406, get("/api/health", "application/vnd.oai.openapi+json").statusCode());
  }

  @Test
  void exportsAndFeedsChooseTheirOwnTypes() throws Exception {
    assertEquals(200, get("/api/export?format=csv", "application/xml").statusCode());
    assertEquals(200, get("/api/export", "text/csv").statusCode());
    // The rule for JSON endpoints leaves them alone: an export named by its format is what was asked.
    assertEquals(200, get("/api/export?format=csv", "application/problem+json").statusCode());
    assertEquals(200, get("/api/feed?q=Venezuela", "application/atom+xml").statusCode());
  }
}
