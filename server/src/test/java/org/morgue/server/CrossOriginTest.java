package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.http.Cors;
import org.morgue.server.http.Vary;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A web app on another origin may read (any origin) and write (only the origins the operator listed
 * with {@code --cors-origin}), as a browser would ask: preflight first, then the request with {@code Origin}.
 */
class CrossOriginTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "cross-origin-test-token";
  private static final String DESK = "https://desk.example.org";
  private static final String STRANGER = "https://stranger.example.com";

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static LiveIndex live;
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    Path index = SeedIndex.build(tmp, Map.of());
    searcher = ArchiveSearcher.open(index);
    live = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()), searcher);
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"))),
        new HttpOptions(List.of(DESK + "/"), 4, 16)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    live.close();
    searcher.close();
  }

  private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void anyOriginMayReadAndSeeTheUsefulHeaders() throws Exception {
    for (String path : List.of("/api/search?q=Venezuela", "/api/articles/" + SeedIndex.CRACKDOWN,
        "/api/articles/nope", "/api/search?size=x", "/api/export?format=csv", "/api/feed", "/api/suggest?prefix=Tr")) {
      HttpResponse<String> response = send("GET", path, "Origin", STRANGER);
      assertEquals("*", header(response, "Access-Control-Allow-Origin"), path + " " + response.statusCode());
      assertTrue(header(response, "Access-Control-Expose-Headers").contains("X-Request-Id"), path);
    }
  }

  @Test
  void readPreflightsAreAnsweredForAnyOrigin() throws Exception {
    HttpResponse<String> preflight = send("OPTIONS", "/api/search?q=x", "Origin", STRANGER,
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match, x-request-id");
    assertEquals(204, preflight.statusCode(), preflight.body());
    assertEquals(java.util.Optional.empty(), preflight.headers().firstValue("Content-Type"), "a 204 has no body to type");
    assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
    assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("GET"));
    assertEquals("if-none-match, x-request-id", header(preflight, "Access-Control-Allow-Headers"));
    assertEquals(Integer.toString(Cors.MAX_AGE), header(preflight, "Access-Control-Max-Age"));
  }

  @Test
  void writesArePreflightedAndGrantedOnlyToListedOrigins() throws Exception {
    // PUT and PATCH too: a curation client on a listed origin replaces and changes corrections with them.
    for (String method : List.of("POST", "DELETE", "PUT", "PATCH")) {
      String path = switch (method) {
        case "POST" -> "/api/articles";
        case "DELETE" -> "/api/articles/x";
        default -> "/api/corrections/articles/x";
      };
      HttpResponse<String> desk = send("OPTIONS", path, "Origin", DESK, "Access-Control-Request-Method", method,
          "Access-Control-Request-Headers", "authorization, content-type");
      assertEquals(204, desk.statusCode());
      assertEquals(DESK, header(desk, "Access-Control-Allow-Origin"));
      assertTrue(header(desk, "Access-Control-Allow-Methods").contains(method), header(desk, "Access-Control-Allow-Methods"));
      assertEquals("authorization, content-type", header(desk, "Access-Control-Allow-Headers"));
      assertTrue(header(desk, "Vary").contains("Origin"));

      HttpResponse<String> stranger = send("OPTIONS", path, "Origin", STRANGER, "Access-Control-Request-Method", method);
      assertFalse(header(stranger, "Access-Control-Allow-Methods").contains(method),
          "a browser on an unlisted origin is not told it may " + method);
      assertFalse(header(stranger, "Access-Control-Allow-Origin").equals(STRANGER));
    }
    HttpResponse<String> deskDelete = send("DELETE", "/api/articles/no-such", "Origin", DESK,
        "Authorization", "Bearer " + TOKEN);
    assertEquals(404, deskDelete.statusCode());
    assertEquals(DESK, header(deskDelete, "Access-Control-Allow-Origin"));
    HttpResponse<String> strangerDelete = send("DELETE", "/api/articles/no-such", "Origin", STRANGER,
        "Authorization", "Bearer " + TOKEN);
    assertEquals("", header(strangerDelete, "Access-Control-Allow-Origin"), "the browser hides the answer");
  }

  @Test
  void aRequestJettyRefusesBeforeMorgueReadsItTellsAnyOriginWhy() throws Exception {
    // An ambiguous path and a request line too long: Jetty answers these itself, through ProblemErrorPages.
    for (String path : List.of("/api/articles/%2e%2e/%2e%2e/etc/passwd", "/api/search?q=" + "a".repeat(300_000))) {
      RawHttp.Answer refused = RawHttp.send("http://127.0.0.1:" + app.port(), "GET " + path
          + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + STRANGER + "\r\nConnection: close\r\n\r\n");
      assertTrue(refused.status() >= 400 && refused.status() < 500, path.substring(0, Math.min(40, path.length())) + ": " + refused.status());
      assertEquals("application/problem+json", refused.mediaType(), refused.body());
      assertEquals(Optional.of("*"), refused.header("Access-Control-Allow-Origin"), refused.headers().toString());
      assertTrue(refused.header("Access-Control-Expose-Headers").orElse("").contains("X-Request-Id"));
    }
  }

  @Test
  void requestsWithoutAnOriginAreUnchanged() throws Exception {
    HttpResponse<String> response = send("GET", "/api/health");
    assertEquals(200, response.statusCode());
    assertEquals("", header(response, "Access-Control-Allow-Origin"));
  }
}
