package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.http.AccessLog;
import org.morgue.server.http.SearchAdmission;

/** Every answer carries an {@code X-Request-Id}, and the server logs one line per request, without secrets. */
class RequestIdsAndAccessLogTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "s3cr3t-token-never-logged";

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static Javalin app;
  static final BlockingQueue<AccessLog.Entry> LOGGED = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    searcher = ArchiveSearcher.open(SeedIndex.build(tmp, Map.of()));
    app = MorgueServer.create(searcher, Optional.empty(), HttpOptions.defaults(), new AccessLog(LOGGED::add),
        new SearchAdmission(4, 16)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    searcher.close();
  }

  private static String base() {
    return "http://127.0.0.1:" + app.port();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The log entry of the request that was answered with this id; the log is written as the answer completes. */
  private static AccessLog.Entry loggedWith(String id) throws InterruptedException {
    while (true) {
      AccessLog.Entry entry = LOGGED.poll(30, TimeUnit.SECONDS);
      if (entry == null) {
        throw new AssertionError("no log line for request " + id);
      }
      if (entry.requestId().equals(id)) {
        return entry;
      }
    }
  }

  @Test
  void aSaneClientIdIsKeptAndEchoed() throws Exception {
    HttpResponse<String> response = get("/api/search?q=Venezuela", "X-Request-Id", "client-42.abc");
    assertEquals("client-42.abc", response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void aMissingOrInsaneIdIsReplacedByANewOne() throws Exception {
    String first = get("/api/health").headers().firstValue("X-Request-Id").orElseThrow();
    String second = get("/api/health").headers().firstValue("X-Request-Id").orElseThrow();
    assertNotEquals(first, second);
    for (String insane : List.of("x".repeat(500), "a b", "<script>", "é")) {
      String answered = get("/api/health", "X-Request-Id", insane).headers().firstValue("X-Request-Id").orElseThrow();
      assertNotEquals(insane, answered);
      assertTrue(answered.matches("[0-9a-f-]{36}"), answered);
    }
  }

  @Test
  void everyKindOfAnswerCarriesAnId() throws Exception {
    for (String path : List.of("/", "/app.js", "/no-such-file.html", "/api/articles/nope", "/api/search?size=x",
        "/api/articles")) {
      assertTrue(get(path).headers().firstValue("X-Request-Id").isPresent(), path);
    }
    RawHttp.Answer refused = RawHttp.get(base(), "/api/articles/%00");
    assertEquals(400, refused.status());
    assertTrue(refused.header("X-Request-Id").isPresent(), refused.headers().toString());
    RawHttp.Answer badHeader = RawHttp.send(base(),
        "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: probe-7\r\nBad Header: x\r\n"
        + "Connection: close\r\n\r\n");
    assertEquals(400, badHeader.status());
    assertTrue(badHeader.header("X-Request-Id").isPresent(), badHeader.headers().toString());
  }

  @Test
  void oneLineIsLoggedPerRequestWithMethodPathStatusTimeAndId() throws Exception {
    get("/api/articles/" + SeedIndex.CRACKDOWN, "X-Request-Id", "log-article");
    AccessLog.Entry article = loggedWith("log-article");
    assertEquals("GET", article.method());
    assertEquals("/api/articles/" + SeedIndex.CRACKDOWN, article.path());
    assertEquals(200, article.status());
    assertTrue(article.millis() >= 0);

    get("/api/articles/nope", "X-Request-Id", "log-miss");
    assertEquals(404, loggedWith("log-miss").status());

    // Refused at the request line, before Jetty reads any header: the id is a new one.
    RawHttp.Answer refused = RawHttp.get(base(), "/api/articles/%00");
    assertEquals(400, loggedWith(refused.header("X-Request-Id").orElseThrow()).status());
  }

  @Test
  void neitherTheTokenNorTheQueryStringIsLogged() throws Exception {
    HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/articles/x"))
        .header("Authorization", "Bearer " + SECRET).header("X-Request-Id", "log-delete").DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    AccessLog.Entry delete = loggedWith("log-delete");
    assertEquals("DELETE", delete.method());
    assertEquals(403, delete.status(), "live updates are off on this server");
    assertFalse(delete.line().contains(SECRET), delete.line());

    get("/api/search?q=" + SECRET, "X-Request-Id", "log-query");
    AccessLog.Entry search = loggedWith("log-query");
    assertEquals("/api/search", search.path());
    assertFalse(search.line().contains(SECRET), search.line());
    assertEquals("GET /api/search 200 " + search.millis() + " ms id=log-query client=127.0.0.1 curator=-", search.line());
  }

  /** An operator reading the log learns who changed the archive, and from where (session 39's operator). */
  @Test
  void aChangeIsLoggedWithTheCuratorWhoseTokenWasAdmittedAndTheClientsAddress() throws Exception {
    Path index = SeedIndex.build(tmp.resolve("writable"), Map.of());
    try (ArchiveSearcher writableSearcher = ArchiveSearcher.open(index);
        LiveIndex live = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(),
            ArticleEnricher.standard()), writableSearcher)) {
      Path curators = java.nio.file.Files.writeString(tmp.resolve("curators"), "ana sha256:"
          + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
              .digest(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "\n");
      LiveUpdates updates = new LiveUpdates(live, Curators.read(curators, Optional.empty()), 1 << 20);
      Javalin writable = MorgueServer.create(writableSearcher, Optional.of(updates), HttpOptions.defaults(),
          new AccessLog(LOGGED::add), new SearchAdmission(4, 16)).start("127.0.0.1", 0);
      try {
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + writable.port() + "/api/articles/" + SeedIndex.CRACKDOWN))
            .header("Authorization", "Bearer " + SECRET).header("X-Request-Id", "log-curator").DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        AccessLog.Entry delete = loggedWith("log-curator");
        assertEquals("ana", delete.curator());
        assertEquals("127.0.0.1", delete.client());
        assertTrue(delete.line().endsWith(" client=127.0.0.1 curator=ana"), delete.line());
        assertFalse(delete.line().contains(SECRET), delete.line());
      } finally {
        writable.stop();
      }
    }
  }
}
