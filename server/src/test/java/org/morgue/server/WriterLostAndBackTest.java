package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded index folder moved away under a writing server, then put back (a user's trial): while
 * it is away, writes are 503s that keep nothing, a curation change included; once it is back, writes
 * succeed without a restart. They answered 500 "restart the server" until a restart, and a collection
 * change answered 500 was kept and made by the next start.
 */
class WriterLostAndBackTest {
  static final String ANA = "ana-writer-lost-token-3e1d";
  static final String ARTICLE = "{\"id\": \"night-raid\", \"title\": \"Night raid\", \"body\": \"Police said the raid went on.\"}";

  @TempDir Path tmp;
  CuratedCopiesServer server;

  @BeforeEach
  void start() throws Exception {
    server = CuratedCopiesServer.start(tmp, "ana", ANA);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) { // a test that restarts it closed it
      server.close();
    }
  }

  @Test
  void whileTheIndexIsAwayWritesAre503AndKeepNothingAndOnceBackTheySucceed() throws Exception {
    HttpResponse<String> made = send("POST", "/api/collections", "{\"name\": \"Raids\"}");
    assertEquals(201, made.statusCode(), made.body());
    int changes = json(send("GET", "/api/changes?size=1", null)).get("total").asInt();
    Path index = tmp.resolve("index");
    Path away = tmp.resolve("index-away");

    Files.move(index, away);
    Files.writeString(index, "not an index");
    assertUnavailable(send("POST", "/api/articles", ARTICLE));
    assertUnavailable(send("PATCH", "/api/collections/raids", "{\"description\": \"Night raids\"}"));
    assertEquals(changes, json(send("GET", "/api/changes?size=1", null)).get("total").asInt(), "no change kept");
    assertEquals(1, json(send("GET", "/api/collections/raids", null)).get("version").asInt());

    Files.delete(index);
    Files.move(away, index);
    HttpResponse<String> posted = send("POST", "/api/articles", ARTICLE);
    assertEquals(201, posted.statusCode(), posted.body());
    HttpResponse<String> patched = send("PATCH", "/api/collections/raids", "{\"description\": \"Night raids\"}");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals(2, json(send("GET", "/api/collections/raids", null)).get("version").asInt());
    assertEquals(1, json(send("GET", "/api/search?q=%22night+raid%22", null)).get("total").asInt());
  }

  /**
   * The folder moved away and nothing put in its place (a user's trial): the failed write's rollback
   * reopened the writer, which created the folder again with a new, empty index; later writes went
   * there, health said "ok" again, and a restart served that near-empty archive. Now no folder is
   * created: writes are 503s saying an operator must restore the folder, in health's words (not "try
   * again shortly", and no Retry-After), until it is moved back, when they succeed and a restarted
   * server finds every article.
   */
  @Test
  void aFolderMovedAwayIsNeverMadeAgainAndWritesSayAnOperatorMustRestoreIt() throws Exception {
    Path index = tmp.resolve("index");
    Path away = tmp.resolve("index-away");
    long before = json(send("GET", "/api/search?size=1&group=articles", null)).get("total").asLong();
    int changes = json(send("GET", "/api/changes?size=1", null)).get("total").asInt();
    String lostArticle = "{\"id\": \"lost-raid\", \"title\": \"Lost raid\", \"body\": \"Police said the raid was lost.\"}";

    Files.move(index, away);
    HttpResponse<String> first = send("POST", "/api/articles", lostArticle);
    HttpResponse<String> second = send("POST", "/api/articles", lostArticle);
    assertFalse(Files.exists(index), "no index folder made where it was");

    JsonNode health = json(send("GET", "/api/health", null));
    assertEquals("degraded", health.get("status").asText(), health.toString());
    String reason = health.get("reason").asText();
    assertTrue(reason.startsWith("the index folder is gone: ") && reason.contains("an operator must restore the index folder"),
        reason);
    // The first write fails at its commit, the second opening the writer: each says what was kept.
    assertLost(first, "the article in this request was not kept", reason);
    assertLost(second, "nothing of this request was kept", reason);
    assertEquals(changes, json(send("GET", "/api/changes?size=1", null)).get("total").asInt(), "no change kept");

    Files.move(away, index);
    assertEquals("ok", json(send("GET", "/api/health", null)).get("status").asText());
    HttpResponse<String> posted = send("POST", "/api/articles", ARTICLE);
    assertEquals(201, posted.statusCode(), posted.body());

    server.close();
    server = null;
    try (RunningServer restarted = RunningServer.on(index)) {
      assertEquals(before + 1, restarted.getJson("/api/search?size=1&group=articles", 200).get("total").asLong());
      assertEquals(1, restarted.getJson("/api/search?q=%22night+raid%22", 200).get("total").asInt());
      assertEquals(0, restarted.getJson("/api/search?q=%22raid+was+lost%22", 200).get("total").asInt());
    }
  }

  private void assertLost(HttpResponse<String> response, String kept, String reason) throws Exception {
    assertEquals(503, response.statusCode(), response.body());
    JsonNode problem = json(response);
    assertEquals("archive_unavailable", problem.get("code").asText());
    assertEquals("the archive could not be written: " + kept + "; " + reason, problem.get("detail").asText());
    assertTrue(response.headers().firstValue("Retry-After").isEmpty(), "no retry mends it: " + response.headers().map());
    assertFalse(response.body().contains(tmp.toString()), "no path of the server's: " + response.body());
  }

  /**
   * A curation change while the folder is away, the writer already lost to an earlier write: the
   * change tries to open a writer once, where it tried a second time at once in the same request.
   */
  @Test
  void aChangeThatCannotOpenTheWriterTriesOnce() throws Exception {
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"Raids\"}").statusCode());
    Path index = tmp.resolve("index");
    Files.move(index, tmp.resolve("index-away"));
    Files.writeString(index, "not an index");
    assertUnavailable(send("POST", "/api/articles", ARTICLE));

    int opened = server.storesOpened();
    assertUnavailable(send("PATCH", "/api/collections/raids", "{\"description\": \"Night raids\"}"));
    assertEquals(opened + 1, server.storesOpened(), "writers opened by one change");
    assertUnavailable(send("POST", "/api/articles", ARTICLE));
    assertEquals(opened + 2, server.storesOpened(), "writers opened by one write");
  }

  private static void assertUnavailable(HttpResponse<String> response) throws Exception {
    assertEquals(503, response.statusCode(), response.body());
    JsonNode problem = json(response);
    assertEquals("archive_unavailable", problem.get("code").asText());
    assertTrue(problem.get("detail").asText().startsWith("the archive"), problem.toString());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return RunningServer.curatorCall(server.port(), method, path, body, method.equals("GET") ? null : ANA);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return LiveUpdatesTest.JSON.readTree(response.body());
  }
}
