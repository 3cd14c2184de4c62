package org.morgue.server;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.server.http.AccessLog;
import org.morgue.server.http.SearchAdmission;
import org.morgue.server.problem.Problem;

/**
 * Under overload the server answers 429 with Retry-After from a bounded line instead of letting every
 * request wait longer. Deterministic: the test itself takes the only place (bound 1, line 1), so
 * no request's fate depends on timing.
 */
class OverloadTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  /** A line that waits ten minutes: the queued search must outlast the test's other requests on a busy machine. */
  static SearchAdmission admission = new SearchAdmission(1, 1, java.time.Duration.ofMinutes(10));
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    searcher = ArchiveSearcher.open(SeedIndex.build(tmp, Map.of()));
    app = MorgueServer.create(searcher, Optional.empty(), new HttpOptions(List.of(), 1, 1), AccessLog.toLogger(),
        admission).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    searcher.close();
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
  }

  @Test
  void aRequestInLineIsRefusedOnceItHasWaitedItsLongestNotKeptWaitingWithoutEnd() throws Exception {
    // Deterministic: the one place is held throughout, so the one in line can only time out.
    SearchAdmission bounded = new SearchAdmission(1, 1, java.time.Duration.ofMillis(100));
    bounded.enter();
    try {
      SearchAdmission.ServerBusyException refused =
          org.junit.jupiter.api.Assertions.assertThrows(SearchAdmission.ServerBusyException.class, bounded::enter);
      assertTrue(refused.getMessage().startsWith("the server is busy: this request waited 0 s in line"), refused.getMessage());
      assertEquals(0, bounded.waiting(), "it left the line");
    } finally {
      bounded.leave();
    }
    bounded.enter(); // the place is free again: taken at once
    bounded.leave();
  }

  @Test
  void beyondTheRunningAndTheLineRequestsAre429WithRetryAfterAndTheQueuedOneIsServed() throws Exception {
    admission.enter(); // the test holds the one place a search may run in
    CompletableFuture<HttpResponse<String>> queued;
    try {
      queued = HTTP.sendAsync(get("/api/search?q=Venezuela"), HttpResponse.BodyHandlers.ofString());
      while (admission.waiting() < 1) {
        Thread.onSpinWait(); // until the server has put it in line; no clock involved
        if (queued.isDone()) {
          throw new AssertionError("the queued search was answered early: " + queued.get().body());
        }
      }
      for (String path : List.of("/api/search?q=Venezuela", "/api/suggest?prefix=Tr", "/api/articles/" + SeedIndex.CRACKDOWN,
          "/api/feed", "/api/export?format=csv")) {
        HttpResponse<String> refused = HTTP.send(get(path), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode(), path + " " + refused.body());
        assertEquals(Optional.of(Integer.toString(SearchAdmission.RETRY_AFTER_SECONDS)),
            refused.headers().firstValue("Retry-After"), path);
        assertEquals(Problem.MEDIA_TYPE, RunningServer.mediaType(refused));
        JsonNode problem = JSON.readTree(refused.body());
        assertEquals("too_many_requests", problem.get("code").asText());
        assertTrue(problem.get("detail").asText().startsWith("the server is busy: every search it runs at once is running,"),
            problem.toString());
        assertEquals(429, problem.get("status").asInt());
      }
      HttpResponse<String> health = HTTP.send(get("/api/health"), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), "health is never refused, so monitoring sees a busy server as up");
    } finally {
      admission.leave();
    }
    HttpResponse<String> served = queued.get();
    assertEquals(200, served.statusCode(), served.body());
    assertEquals(2, JSON.readTree(served.body()).get("total").asInt());
    assertEquals(200, HTTP.send(get("/api/search?q=Venezuela"), HttpResponse.BodyHandlers.ofString()).statusCode(),
        "once the overload is gone, searches run again");
  }
}
